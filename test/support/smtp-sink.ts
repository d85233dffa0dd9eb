import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { listenOnLoopback } from './listen';

export interface ReceivedMail {
  parsed: ParsedMail;
  raw: string;
  envelopeTo: string[];
}

type Reply = { code: number; message: string } | 'accept';

/**
 * A real SMTP server for tests. Scripted replies make it answer DATA with any SMTP code,
 * one reply per delivery attempt, then accept; or drop the connection mid-message.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  /** Every DATA attempt, accepted or not. */
  attempts = 0;
  /** Messages whose DATA began arriving (a send in flight counts here before it completes). */
  dataStarted = 0;
  /** Bytes of message data received so far, complete or not. */
  dataBytes = 0;
  /** Messages received in full whose reply (after replyDelayMs) has not been given yet. */
  pendingReplies = 0;
  /** TCP connections open right now; after a client died, 0 means the server has seen all it sent. */
  openConnections = 0;
  /** Accepted messages per envelope recipient (lower case), counted as they are accepted. */
  readonly perRecipient = new Map<string, number>();
  /** Holds every DATA reply this long: a slow server, to catch a send in flight. */
  replyDelayMs = 0;
  /**
   * Connection errors the server reported (a client reset mid-message, e.g. a SIGKILLed worker):
   * expected in fault tests, recorded instead of escaping as an unhandled 'error' event.
   */
  readonly connectionErrors: Error[] = [];
  private script: Reply[] = [];
  private server?: SMTPServer;
  private waiters: Array<() => void> = [];

  /** Replies for the next DATA commands, in order; afterwards every message is accepted. */
  replyWith(...replies: Reply[]): void {
    this.script = [...replies];
  }

  async start(): Promise<number> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'], // the bundled certificate has expired
      logger: false,
      onData: (stream: SMTPServerDataStream, session, callback) => {
        this.dataStarted++;
        const chunks: Buffer[] = [];
        stream.on('error', (error: Error) => this.connectionErrors.push(error));
        stream.on('data', (c: Buffer) => {
          this.dataBytes += c.length;
          chunks.push(c);
        });
        stream.on('end', () => {
          // The whole message is here: like a real server, the sink takes it even if the client
          // dies before reading the reply (the duplicate window of a killed worker).
          this.pendingReplies++;
          void this.delay().then(() => {
            this.pendingReplies--;
            this.attempts++;
            const reply = this.script.shift() ?? 'accept';
            if (reply !== 'accept') {
              const error = Object.assign(new Error(reply.message), { responseCode: reply.code });
              callback(error);
              return;
            }
            const raw = Buffer.concat(chunks).toString('utf8');
            const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
            for (const to of envelopeTo) this.perRecipient.set(to.toLowerCase(), (this.perRecipient.get(to.toLowerCase()) ?? 0) + 1);
            void simpleParser(raw).then((parsed) => {
              this.received.push({ parsed, raw, envelopeTo });
              this.waiters.splice(0).forEach((w) => w());
              callback(null);
            });
          });
        });
      },
    });
    this.server.server.on('connection', (socket: Socket) => {
      this.openConnections++;
      socket.once('close', () => this.openConnections--);
    });
    const server = this.server;
    // Without a listener, an 'error' event is thrown: a peer resetting its connection mid-message
    // ("read ECONNRESET", as when a worker is SIGKILLed during a send) would crash the test file.
    // Errors while starting to listen fail start(); later ones are connection errors, recorded.
    await listenOnLoopback(server);
    server.on('error', (error: Error) => this.connectionErrors.push(error));
    return (server.server.address() as AddressInfo).port;
  }

  private delay(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, this.replyDelayMs));
  }

  /** Resolves once `count` messages arrived; rejects after `timeoutMs`. */
  async waitFor(count: number, timeoutMs = 30_000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${count} emails, got ${this.received.length} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    return this.received;
  }

  /** Resolves with the first message whose subject matches, waiting for it if needed. */
  async waitForSubject(subject: string | RegExp, timeoutMs = 30_000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    const matches = (m: ReceivedMail): boolean =>
      typeof subject === 'string' ? m.parsed.subject === subject : subject.test(m.parsed.subject ?? '');
    for (;;) {
      const found = this.received.find(matches);
      if (found) return found;
      if (Date.now() > deadline) {
        throw new Error(`no email with subject ${String(subject)}; got: ${this.received.map((m) => m.parsed.subject).join(' | ')}`);
      }
      await this.waitFor(this.received.length + 1, Math.max(1, deadline - Date.now())).catch(() => undefined);
    }
  }

  async stop(): Promise<void> {
    if (this.server) await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}
