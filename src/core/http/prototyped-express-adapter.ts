import type { NestApplicationOptions } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { Express } from 'express';
import http from 'node:http';

/**
 * Nest's Express adapter, with one change: node:http builds each request and response with the
 * Express application's prototype from the start.
 *
 * Express 5 gives every request and response its application's prototype in `app.handle`
 * (`Object.setPrototypeOf(req, app.request)`). Done to an object node:http has already built, that
 * changes its hidden class, and every later property access on it — Express's, Nest's, node's own
 * streams — takes V8's slow path. Bare Express measured 0.28–0.30 ms of CPU per JSON request against
 * 0.08–0.12 ms with the prototype in place from the start (docs/benchmarks.md, Session 8): Express's
 * own setPrototypeOf then finds the prototype it wants and changes nothing. Same objects, same
 * behaviour; only where they get their prototype moves.
 */
export class PrototypedExpressAdapter extends ExpressAdapter {
  override initHttpServer(options: NestApplicationOptions): void {
    super.initHttpServer(options);
    // HTTPS and forceCloseConnections keep Nest's own server (this project uses neither: TLS ends at the proxy).
    if (options?.httpsOptions || options?.forceCloseConnections) return;
    const app = this.getInstance<Express>();
    this.httpServer = http.createServer({ IncomingMessage: constructedWith(http.IncomingMessage, app.request), ServerResponse: constructedWith(http.ServerResponse, app.response) }, app);
  }
}

/**
 * A constructor node:http can be given (`IncomingMessage` / `ServerResponse` options): it runs node's
 * own constructor (an ES5 function) on an object whose prototype is `prototype`.
 */
export function constructedWith<C>(base: C, prototype: object): C {
  function Constructed(this: object, ...args: unknown[]): void {
    (base as unknown as (this: object, ...a: unknown[]) => void).apply(this, args);
  }
  Constructed.prototype = prototype;
  return Constructed as unknown as C;
}
