import net from 'node:net';
import nodemailer from 'nodemailer';
import { SmtpSink } from './support/smtp-sink';
import { TcpProxy } from './support/tcp-proxy';
import { eventually } from './support/test-app';

/**
 * The servers the tests themselves run must survive what the tests do to them: a worker SIGKILLed in
 * the middle of a send resets its SMTP connection ("read ECONNRESET"). Without an 'error' listener
 * that reset escaped as an unhandled 'error' event and failed test/mail-batch.e2e-spec.ts with
 * "Test suite failed to run" although every test in it passed (issue 12, item 0).
 */

/** A raw SMTP client that stops after `commands` and answers each reply line in turn. */
async function smtpDialogue(port: number, commands: string[]): Promise<net.Socket> {
  const socket = net.connect(port, '127.0.0.1');
  socket.on('error', () => undefined); // this side resets on purpose
  let buffer = '';
  const replies: string[] = [];
  const waiters: Array<() => void> = [];
  socket.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let nl: number;
    while ((nl = buffer.indexOf('\r\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 2);
      if (/^\d{3} /.test(line)) {
        replies.push(line);
        waiters.splice(0).forEach((w) => w());
      }
    }
  });
  const nextReply = async (): Promise<string> => {
    while (replies.length === 0) await new Promise<void>((resolve) => waiters.push(resolve));
    return replies.shift()!;
  };
  expect(await nextReply()).toMatch(/^220 /);
  for (const command of commands) {
    socket.write(`${command}\r\n`);
    expect(await nextReply()).toMatch(/^[23]\d\d /);
  }
  return socket;
}

describe('test support: servers survive peers that reset their connections', () => {
  it('SmtpSink records a connection reset in the middle of DATA instead of crashing the test file, and keeps accepting mail', async () => {
    const sink = new SmtpSink();
    const port = await sink.start();
    try {
      const socket = await smtpDialogue(port, ['EHLO worker.test', 'MAIL FROM:<a@fairgate.test>', 'RCPT TO:<b@example.com>', 'DATA']);
      socket.write('Subject: cut short\r\n\r\nhalf a message');
      // Wait until the sink read the first bytes of the message, then reset (RST) as a killed process would.
      await eventually(() => Promise.resolve(sink.dataBytes), (n) => n > 0);
      socket.resetAndDestroy();
      const errors = await eventually(() => Promise.resolve(sink.connectionErrors.map((e) => (e as NodeJS.ErrnoException).code ?? e.message)), (e) => e.includes('ECONNRESET'), 5000);
      expect(errors).toContain('ECONNRESET');
      expect(sink.received).toHaveLength(0);

      const transport = nodemailer.createTransport({ host: '127.0.0.1', port, ignoreTLS: true });
      try {
        await transport.sendMail({ from: 'a@fairgate.test', to: 'b@example.com', subject: 'after the reset', text: 'still here' });
      } finally {
        transport.close();
      }
      expect((await sink.waitFor(1))[0].parsed.subject).toBe('after the reset');
    } finally {
      await sink.stop();
    }
  });

  it('TcpProxy survives resets from either side and while cut off', async () => {
    const upstreamSockets: net.Socket[] = [];
    const upstream = net.createServer((s) => {
      s.on('error', () => undefined);
      upstreamSockets.push(s);
      s.pipe(s); // echo
    });
    upstream.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => upstream.once('error', reject).listen(0, '127.0.0.1', resolve));
    const proxy = new TcpProxy({ host: '127.0.0.1', port: (upstream.address() as net.AddressInfo).port });
    const port = await proxy.start();
    const connect = async (): Promise<net.Socket> => {
      const s = net.connect(port, '127.0.0.1');
      s.on('error', () => undefined);
      await new Promise<void>((resolve) => s.once('connect', resolve));
      return s;
    };
    const echo = async (s: net.Socket, text: string): Promise<string> => {
      const reply = new Promise<string>((resolve) => s.once('data', (d: Buffer) => resolve(d.toString())));
      s.write(text);
      return reply;
    };
    try {
      // The client resets.
      const a = await connect();
      expect(await echo(a, 'one')).toBe('one');
      a.resetAndDestroy();
      // The upstream resets.
      const b = await connect();
      expect(await echo(b, 'two')).toBe('two');
      const closed = new Promise<void>((resolve) => b.once('close', () => resolve()));
      upstreamSockets[upstreamSockets.length - 1].resetAndDestroy();
      await closed;
      // Cut off and restored: the proxy carries traffic again.
      proxy.cutOff();
      proxy.restore();
      const c = await connect();
      expect(await echo(c, 'three')).toBe('three');
      c.destroy();
    } finally {
      await proxy.stop();
      for (const s of upstreamSockets) s.destroy();
      await new Promise<void>((resolve) => upstream.close(() => resolve()));
    }
  });
});
