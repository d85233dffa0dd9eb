/**
 * The benchmark's SMTP server, in a process of its own so it takes CPU from neither side being
 * measured: accepts every message, reads it to the end, counts it. Talks to the parent over IPC:
 * sends { port } once listening; answers { count } to 'count' and resets on 'reset'.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

let count = 0;
let bytes = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  size: 10 * 1024 * 1024,
  onData(stream, _session, callback) {
    stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
    stream.on('end', () => {
      count++;
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
  if (message === 'count') process.send?.({ count, bytes });
  if (message === 'reset') {
    count = 0;
    bytes = 0;
    process.send?.({ count, bytes });
  }
  if (message === 'stop') server.close(() => process.exit(0));
});
