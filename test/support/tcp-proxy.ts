import net from 'node:net';
import { listenOnLoopback } from './listen';

/**
 * A TCP proxy in front of a real service that a test can cut and restore: while cut it drops
 * every connection and refuses new ones, which is how the application sees a dead Redis.
 */
export class TcpProxy {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private cut = false;
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<number> {
    this.server = net.createServer((client) => {
      // Every socket gets an error listener before anything else: a reset is what this proxy is for.
      client.on('error', () => client.destroy());
      if (this.cut) {
        client.destroy();
        return;
      }
      const upstream = net.connect(this.target.port, this.target.host);
      upstream.on('error', () => upstream.destroy());
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    const server = this.server;
    await listenOnLoopback(server);
    // After listening, a server error (e.g. EMFILE on accept) must not crash the test file.
    server.on('error', () => undefined);
    this.port = (server.address() as net.AddressInfo).port;
    return this.port;
  }

  /** Drops all connections and refuses new ones until restore(). */
  cutOff(): void {
    this.cut = true;
    for (const s of this.sockets) s.destroy();
  }

  restore(): void {
    this.cut = false;
  }

  async stop(): Promise<void> {
    this.cutOff();
    if (this.server) await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}
