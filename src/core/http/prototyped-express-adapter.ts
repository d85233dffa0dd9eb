import type { NestApplicationOptions } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { Express } from 'express';
import http from 'node:http';
import type { Socket } from 'node:net';

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
    this.httpServer = http.createServer({ IncomingMessage: requestClass(app), ServerResponse: responseClass(app) }, app);
  }
}

/** A constructor node:http calls as `new IncomingMessage(socket)`, whose instances have the app's request prototype. */
function requestClass(app: Express): typeof http.IncomingMessage {
  function ExpressRequest(this: http.IncomingMessage, socket: Socket): void {
    http.IncomingMessage.call(this, socket);
  }
  ExpressRequest.prototype = app.request;
  return ExpressRequest as unknown as typeof http.IncomingMessage;
}

/** Likewise for `new ServerResponse(req, options)`. */
function responseClass(app: Express): typeof http.ServerResponse {
  function ExpressResponse(this: http.ServerResponse, request: http.IncomingMessage, options?: unknown): void {
    (http.ServerResponse as unknown as (this: http.ServerResponse, request: http.IncomingMessage, options?: unknown) => void).call(this, request, options);
  }
  ExpressResponse.prototype = app.response;
  return ExpressResponse as unknown as typeof http.ServerResponse;
}
