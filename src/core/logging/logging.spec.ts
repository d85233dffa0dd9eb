import { Writable } from 'node:stream';
import { loggablePath } from './access-log';
import { createPino } from './json-logger';

describe('logs keep secrets out', () => {
  it('masks private-link tokens in request paths and drops query strings', () => {
    const token = 'XAzSlSDc90AJLfkO3cyMAFGZ4J36hoFH-WP7f81UByg';
    expect(loggablePath(`/attendee/${token}/sessions/abc?lang=en`)).toBe('/attendee/[token]/sessions/abc');
    expect(loggablePath(`/api/attendee-access/${token}/itinerary.ics`)).toBe('/api/attendee-access/[token]/itinerary.ics');
    expect(loggablePath(`/meetings/${token}`)).toBe('/meetings/[token]');
    expect(loggablePath(`/api/meeting-access/${token}/requests`)).toBe('/api/meeting-access/[token]/requests');
    expect(loggablePath('/exhibitor/confirm-email?token=secret')).toBe('/exhibitor/confirm-email');
    expect(loggablePath('/api/editions/ppuri-2027/attendees')).toBe('/api/editions/ppuri-2027/attendees');
  });

  it('redacts passwords, tokens, authorization headers and cookies at any depth pino can see', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => { lines.push(chunk.toString()); done(); } });
    const logger = createPino('info', sink);
    logger.info({ password: 'hunter2-hunter2', body: { password: 'p4ss-word-123' }, headers: { authorization: 'Bearer abc', cookie: 'fairgate_session=xyz' }, token: 't0k3n' }, 'x');
    const line = lines.join('');
    for (const secret of ['hunter2-hunter2', 'p4ss-word-123', 'Bearer abc', 'fairgate_session=xyz', 't0k3n']) expect(line).not.toContain(secret);
    expect(line).toContain('[redacted]');
  });
});
