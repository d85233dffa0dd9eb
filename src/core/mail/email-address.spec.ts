import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { renderCalendar } from '../calendar/icalendar';
import { IsMailAddress } from '../http/validators';
import { isMailAddress } from './email-address';

/**
 * Validation and the writers agree on what an address is (issue 12, item 3): `"john doe;x"@example.com`
 * passed class-validator's IsEmail at registration and then failed the iCalendar writer, so its email
 * could never be rendered. Now one check decides for all of them; these properties hold it together.
 */

class Form {
  @IsMailAddress({ message: 'email must be an email address' })
  email!: string;
}
const validates = (email: unknown): boolean => validateSync(plainToInstance(Form, { email })).length === 0;

function calendarWith(email: string): string {
  return renderCalendar({
    method: 'REQUEST',
    timezone: 'Asia/Seoul',
    events: [{
      uid: 'item-1@fairgate', sequence: 0, start: new Date('2027-04-28T01:00:00Z'), end: new Date('2027-04-28T02:00:00Z'), summary: 'Visit', status: 'CONFIRMED',
      organizer: { email: 'no-reply@fairgate.local', name: 'Fairgate' }, attendees: [{ email, name: 'Visitor' }],
    }],
  });
}

/** The envelope recipients and the parsed To header of a message nodemailer writes to `email`. */
async function nodemailerWrites(email: string): Promise<{ envelope: string[]; to: string[] }> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const info = (await transport.sendMail({ from: 'no-reply@fairgate.local', to: email, subject: 's', text: 't' })) as { envelope: { to: string[] }; message: Buffer };
  const parsed = await simpleParser(info.message);
  const to = (Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : []).flatMap((a) => a.value.map((v) => v.address ?? ''));
  return { envelope: info.envelope.to, to };
}

const accepted = ['minjun.kim@bitgoeul-precision.example', 'a@b.co', "o'brien+fair_2027@mail.example.kr", 'x@xn--3e0b707e.kr', 'A.B-C@Sub.Example.COM'];
const refused = [
  '"john doe;x"@example.com', '"quoted"@example.com', 'john doe@example.com', 'a;b@example.com', 'a,b@example.com', 'a..b@example.com', '.a@example.com',
  'a.@example.com', 'a@b', 'a@-b.com', 'a@b-.com', 'a@b..com', 'a@localhost', '@example.com', 'a@', 'a@b.c', '민준@example.kr', 'a@예시.kr',
  'a@example.com\r\nBcc: x@evil.example', 'a@example.com ', '<a@example.com>', 'A <a@example.com>', `${'a'.repeat(65)}@example.com`, `a@${'b'.repeat(64)}.com`, '',
];

describe('one email address check for validation and every writer', () => {
  it.each(accepted)('accepts %j at validation, in the iCalendar writer and in nodemailer, unchanged', async (email) => {
    expect(isMailAddress(email)).toBe(true);
    expect(validates(email)).toBe(true);
    const attendee = new ICAL.Component(ICAL.parse(calendarWith(email))).getFirstSubcomponent('vevent')!.getFirstPropertyValue('attendee');
    expect(attendee).toBe(`mailto:${email}`);
    const written = await nodemailerWrites(email);
    expect(written.envelope.map((a) => a.toLowerCase())).toEqual([email.toLowerCase()]); // nodemailer lower-cases the domain
    expect(written.to).toHaveLength(1); // mailparser shows an xn-- domain decoded; one mailbox either way
  });

  it.each(refused)('refuses %j at validation and in the iCalendar writer alike', (email) => {
    expect(isMailAddress(email)).toBe(false);
    expect(validates(email)).toBe(false);
    expect(() => calendarWith(email)).toThrow(/not a calendar address/);
  });

  it('property: whatever validation accepts, the iCalendar writer writes as one mailto: and nodemailer sends to that one mailbox only', async () => {
    const candidates = fc.oneof(
      fc.emailAddress(),
      fc.string({ unit: 'grapheme-ascii', maxLength: 40 }),
      fc.tuple(fc.string({ unit: 'grapheme-ascii', maxLength: 12 }), fc.domain()).map(([local, domain]) => `${local}@${domain}`),
    );
    await fc.assert(
      fc.asyncProperty(candidates, async (email) => {
        const ok = validates(email);
        expect(ok).toBe(isMailAddress(email));
        if (!ok) {
          expect(() => calendarWith(email)).toThrow(/not a calendar address/);
          return;
        }
        const vevent = new ICAL.Component(ICAL.parse(calendarWith(email))).getFirstSubcomponent('vevent')!;
        expect(vevent.getAllProperties('attendee').map((p) => p.getFirstValue())).toEqual([`mailto:${email}`]);
        const written = await nodemailerWrites(email);
        expect(written.envelope.map((a) => a.toLowerCase())).toEqual([email.toLowerCase()]);
        expect(written.to).toHaveLength(1);
      }),
      { numRuns: 300 },
    );
  });
});
