/**
 * node dist/bench/tools/express-prototype.js [seconds] — what Express 5's per-request
 * `Object.setPrototypeOf(req, app.request)` costs, on bare Express (no Nest, no database).
 *
 * Two servers, each in its own process, the same JSON POST route (parse, check, answer 201):
 *   plain       express() behind node:http's own IncomingMessage/ServerResponse (what Nest's adapter does)
 *   prototyped  the same app behind node:http building requests and responses with the app's prototype
 *               from the start (what src/core/http/prototyped-express-adapter.ts does)
 * run A B A B, 32 connections, 2 s warm-up, then `seconds` (default 8) measured; prints requests/s and
 * the server's CPU per request (user + system from /proc). Every answer must be 201.
 */
import express, { type Express } from 'express';
import http from 'node:http';
import { constructedWith } from '../../src/core/http/prototyped-express-adapter';
import { cpuSeconds, freePort, positiveInt, runCannon, spawnChild, stopChild } from '../lib/harness';

const VARIANTS = ['plain', 'prototyped'] as const;
type Variant = (typeof VARIANTS)[number];

function serve(variant: Variant, port: number): void {
  const app: Express = express();
  app.use(express.json());
  app.post('/editions/:edition/applications', (req, res) => {
    const body = req.body as { company?: { name?: unknown } } | undefined;
    if (typeof body?.company?.name !== 'string') {
      res.status(400).json({ error: 'company.name' });
      return;
    }
    res.status(201).json({ id: Math.random().toString(36).slice(2), edition: req.params.edition, companyName: body.company.name, createdAt: new Date().toISOString() });
  });
  const server =
    variant === 'plain'
      ? http.createServer(app)
      : http.createServer({ IncomingMessage: constructedWith(http.IncomingMessage, app.request), ServerResponse: constructedWith(http.ServerResponse, app.response) }, app);
  server.listen(port, '127.0.0.1', () => process.stdout.write(`READY ${variant}\n`));
}

async function measure(variant: Variant, seconds: number): Promise<{ variant: Variant; rate: number; cpuMsPerRequest: number }> {
  const port = await freePort();
  const child = spawnChild(__filename, [], { ...process.env, EXPRESS_PROTOTYPE_SERVE: variant, PORT: String(port) }, process.cwd());
  try {
    for (const deadline = Date.now() + 30_000; !child.tail.some((l) => l.startsWith('READY')); ) {
      if (Date.now() > deadline) throw new Error(`${variant} did not start: ${child.tail.join('\n')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const request = { method: 'POST', path: '/editions/ppuri-2027/applications', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ company: { name: '광주정밀', country: 'KR' }, contact: { email: 'a@b.kr' } }) };
    await runCannon(port, 32, 2, request, 15_000);
    const before = cpuSeconds(child.child.pid);
    const run = await runCannon(port, 32, seconds, request, 15_000);
    const after = cpuSeconds(child.child.pid);
    const answers = [...run.byStatus.values()].reduce((n, l) => n + l.length, 0);
    const created = run.byStatus.get(201)?.length ?? 0;
    if (created !== answers || answers === 0) throw new Error(`${variant}: ${created} of ${answers} answers were 201`);
    return { variant, rate: answers / run.seconds, cpuMsPerRequest: before === undefined || after === undefined ? Number.NaN : ((after - before) * 1000) / answers };
  } finally {
    await stopChild(child);
  }
}

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? positiveInt('BENCH_SECONDS', 8));
  const rows = [];
  for (const variant of [...VARIANTS, ...VARIANTS]) rows.push(await measure(variant, seconds));
  process.stdout.write(`Express ${(express as unknown as { version?: string }).version ?? '5'} on Node ${process.version}, 32 connections, ${seconds} s each\n`);
  for (const r of rows) process.stdout.write(`${r.variant.padEnd(11)} ${r.rate.toFixed(0).padStart(6)} req/s  ${r.cpuMsPerRequest.toFixed(3)} ms CPU/req\n`);
}

const serving = process.env.EXPRESS_PROTOTYPE_SERVE as Variant | undefined;
if (serving) serve(serving, Number(process.env.PORT));
else
  main().catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
