import { Body, Controller, Get, HttpCode, Module, Param, Post, Query, Req, Res, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import type { Express, Request, Response } from 'express';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PrototypedExpressAdapter } from './prototyped-express-adapter';

@Controller('probe')
class ProbeController {
  @Post(':id')
  @HttpCode(201)
  echo(@Param('id') id: string, @Query('q') q: string | undefined, @Body() body: unknown, @Req() req: Request): object {
    return { id, q, body, ip: typeof req.ip, host: req.hostname, accepts: req.accepts('json') };
  }

  @Get('redirect')
  redirect(@Res() res: Response): void {
    res.cookie('probe', 'yes', { httpOnly: true }).redirect(303, '/probe/there');
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

/** Starts the probe app on an ephemeral port, noting for each request whether it arrived with Express's prototype already. */
async function start(adapter: ExpressAdapter): Promise<{ app: INestApplication; base: string; arrivedPrototyped: boolean[] }> {
  const app = await NestFactory.create<NestExpressApplication>(ProbeModule, adapter, { logger: false });
  const express: Express = app.getHttpAdapter().getInstance();
  const server: Server = app.getHttpServer();
  const arrivedPrototyped: boolean[] = [];
  // Runs before Express's handler: what node:http built, before Express's own setPrototypeOf.
  server.prependListener('request', (req: IncomingMessage) => arrivedPrototyped.push(Object.getPrototypeOf(req) === express.request));
  await app.listen(0, '127.0.0.1');
  const { port } = server.address() as AddressInfo;
  return { app, base: `http://127.0.0.1:${port}`, arrivedPrototyped };
}

describe('PrototypedExpressAdapter', () => {
  let app: INestApplication | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('builds each request with the app prototype, and Express behaves as before', async () => {
    const started = await start(new PrototypedExpressAdapter());
    app = started.app;
    const posted = await fetch(`${started.base}/probe/42?q=x`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ a: [1, '한'] }) });
    expect(posted.status).toBe(201);
    expect(posted.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await posted.json()).toEqual({ id: '42', q: 'x', body: { a: [1, '한'] }, ip: 'string', host: '127.0.0.1', accepts: 'json' });

    const redirected = await fetch(`${started.base}/probe/redirect`, { redirect: 'manual' });
    expect(redirected.status).toBe(303);
    expect(redirected.headers.get('location')).toBe('/probe/there');
    expect(redirected.headers.get('set-cookie')).toMatch(/^probe=yes; Path=\/; HttpOnly/);

    const missing = await fetch(`${started.base}/nowhere`);
    expect(missing.status).toBe(404);
    expect(started.arrivedPrototyped).toEqual([true, true, true]);
  });

  it("negative control: Nest's own adapter hands Express plain node:http objects", async () => {
    const started = await start(new ExpressAdapter());
    app = started.app;
    expect((await fetch(`${started.base}/probe/1`, { method: 'POST' })).status).toBe(201);
    expect(started.arrivedPrototyped).toEqual([false]);
  });
});
