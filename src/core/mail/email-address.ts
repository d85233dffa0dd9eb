/**
 * What Fairgate calls an email address, in one place: the request validators (IsMailAddress), the
 * buyer CSV import, the iCalendar writer (ORGANIZER/ATTENDEE `mailto:`) and the mail transport (the
 * envelope, and the To header composeMimeMessage writes) all use this check, so an address accepted at
 * registration can always be written by every writer.
 *
 * An RFC 5321 Dot-string local part (ASCII atext, no quoted strings, no leading, trailing or double
 * dots) of at most 64 octets, `@`, and a host name of LDH labels (at most 63 octets each) ending in a
 * letter TLD or a punycode one (internationalized domains in their xn-- form); 254 octets in all. The
 * quoted local parts that RFC 5322 also allows (`"john doe;x"@example.com`) are refused: they carry
 * `;`, `,`, `"` and spaces, which break an iCalendar `mailto:` value and address-list headers, and
 * practically no mailbox needs them.
 */
const DOT_ATOM_LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/;

export function isMailAddress(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 254) return false;
  const at = value.lastIndexOf('@');
  if (at < 1 || at > 64) return false;
  return DOT_ATOM_LOCAL.test(value.slice(0, at)) && HOST.test(value.slice(at + 1));
}

/** The message validators and writers give for an address the check refuses. */
export const MAIL_ADDRESS_RULE = 'an email address of the form name@example.com (letters, digits and !#$%&\'*+/=?^_`{|}~- before the @, no spaces or quotes)';

/** The bare address of a From header: "Fairgate <no-reply@x.example>" → no-reply@x.example. */
export function addressOfSender(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from;
}
