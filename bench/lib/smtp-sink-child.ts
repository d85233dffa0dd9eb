/**
 * The benchmark's SMTP server, in a process of its own so it takes CPU from neither side being
 * measured: accepts every message, reads it to the end, counts it. Talks to the parent over IPC:
 * sends { port } once listening; answers { count, bytes, distinctIds, duplicateIds, missingIds } to 'count'
 * (Message-ID headers read from each message's head: what bench:edition checks "sent once" with) and
 * resets on 'reset'.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

let count = 0;
let bytes = 0;
const messageIds = new Set<string>();
let duplicateIds = 0;
let missingIds = 0;

/** The Message-ID of a message head (headers may be folded onto the next line). */
function messageIdOf(head: string): string | undefined {
  return /^message-id:\s*(<[^>\r\n]+>)/im.exec(head.replace(/\r?\n[ \t]+/g, ' '))?.[1];
}
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  size: 10 * 1024 * 1024,
  onData(stream, _session, callback) {
    let head = '';
    let headDone = false;
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (!headDone) {
        head += chunk.toString('latin1');
        const end = head.search(/\r?\n\r?\n/);
        if (end >= 0) {
          head = head.slice(0, end);
          headDone = true;
        }
      }
    });
    stream.on('end', () => {
      count++;
      const id = messageIdOf(head);
      if (!id) missingIds++;
      else if (messageIds.has(id)) duplicateIds++;
      else messageIds.add(id);
      callback(null);
    });
  },
});
// A client resetting its connection mid-message is the client's problem, not a reason to crash the sink.
server.on('error', (error: Error) => process.stderr.write(`smtp sink: ${error.message}\n`));
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.server.address() as AddressInfo).port });
});
process.on('message', (message: unknown) => {
  const report = (): object => ({ count, bytes, distinctIds: messageIds.size, duplicateIds, missingIds });
  if (message === 'count') process.send?.(report());
  if (message === 'reset') {
    count = 0;
    bytes = 0;
    messageIds.clear();
    duplicateIds = 0;
    missingIds = 0;
    process.send?.(report());
  }
  if (message === 'stop') server.close(() => process.exit(0));
});
