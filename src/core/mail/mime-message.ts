import { randomBytes } from 'node:crypto';
import addressparser from 'nodemailer/lib/addressparser';
import { buildHeaderValue, encodeWord, encodeWords, foldLines, isPlainText, parseHeaderValue } from 'nodemailer/lib/mime-funcs';
import type { MailAttachment } from './mail-template';

/** What one email is made of, everything already rendered. */
export interface MimeMessageParts {
  /** The From header as configured: `Name <address>` or a bare address (the name may be Korean). */
  from: string;
  /** One recipient, already checked by isMailAddress (ASCII). */
  to: string;
  subject: string;
  messageId: string;
  html: string;
  text: string;
  attachments?: readonly MailAttachment[];
}

/**
 * An email as the bytes that go over SMTP (RFC 5322 + MIME), written in one pass into one buffer.
 *
 * Why not nodemailer's composer: it builds each message as a tree of Node streams (a pipeline, an
 * AbortController and a random boundary per part) and that was about a third of the mail worker's CPU
 * per email in bench:mail's profile; Fairgate's emails have one shape (text + HTML, inline images, a
 * few attachments), so they are written directly and nodemailer sends the finished bytes (`raw`).
 * Header words, parameters and folding still come from nodemailer's own mime-funcs.
 *
 * The shape is nodemailer's: multipart/mixed (only with attachments) around multipart/alternative
 * (text, then HTML, or multipart/related of the HTML and its inline images). Text parts are 7bit when
 * they are printable ASCII with short lines, base64 otherwise; attachments are base64.
 */
export function composeMimeMessage(mail: MimeMessageParts, date: Date = new Date()): Buffer {
  const boundary = `--_Fairgate-${BOUNDARY_SECRET}-${(++composed).toString(36)}-Part_`;
  let next = 0;
  const out: string[] = [
    header('From', fromHeader(mail.from)),
    `To: ${mail.to}`,
    header('Subject', subjectValue(mail.subject)),
    `Message-ID: ${mail.messageId}`,
    `Date: ${date.toUTCString().replace(/GMT$/, '+0000')}`,
    'MIME-Version: 1.0',
  ];
  const inline = mail.attachments?.filter((a) => a.cid) ?? [];
  const attached = mail.attachments?.filter((a) => !a.cid) ?? [];

  /** Writes a multipart's Content-Type, then each part between its boundaries. */
  const multipart = (subtype: string, parts: Array<() => void>): void => {
    const own = `${boundary}${++next}`;
    out.push(`Content-Type: multipart/${subtype};\r\n boundary="${own}"`, '');
    for (const part of parts) {
      out.push(`--${own}`);
      part();
    }
    out.push(`--${own}--`, '');
  };
  const htmlPart = (): void => textPart(out, 'text/html', mail.html);
  const htmlWithImages = inline.length ? () => multipart('related', [htmlPart, ...inline.map((a) => () => attachmentPart(out, a))]) : htmlPart;
  const alternative = (): void => multipart('alternative', [() => textPart(out, 'text/plain', mail.text), htmlWithImages]);
  if (attached.length) multipart('mixed', [alternative, ...attached.map((a) => () => attachmentPart(out, a))]);
  else alternative();
  // Every header is encoded and every body 7bit or base64 above: the message is ASCII.
  return Buffer.from(out.join('\r\n'), 'latin1');
}

/**
 * Boundaries: a random part drawn once per process (nobody outside can write it into a 7bit text part)
 * and a counter (each message its own); random bytes per message cost more than the rest of a header.
 */
const BOUNDARY_SECRET = randomBytes(12).toString('base64url');
let composed = 0;

/** `Key: value`, folded at 76 characters as nodemailer folds. */
function header(key: string, value: string): string {
  return foldLines(`${key}: ${value}`, 76).replace(/\r?\n/g, '\r\n');
}

function subjectValue(subject: string): string {
  // As nodemailer encodes an unstructured header: a control character puts the whole value in encoded
  // words; otherwise each word that needs it (non-ASCII, or text that would read as an encoded word).
  // B as nodemailer does for mostly non-ASCII text, 52 characters per word so folded lines stay under 76.
  return /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(subject) ? encodeWord(subject, 'B', 52) : encodeWords(subject, 'B', 52, true);
}

const fromHeaders = new Map<string, string>();

/** The From header's value, its display name encoded or quoted (computed once per configured sender). */
function fromHeader(from: string): string {
  let value = fromHeaders.get(from);
  if (value === undefined) {
    const [first] = addressparser(from, { flatten: true });
    const address = first && 'address' in first ? first.address : from;
    const name = first && 'name' in first ? first.name : '';
    if (!name) value = address;
    else if (!isPlainText(name)) value = `${encodeWords(name, 'B', 52, true)} <${address}>`;
    else value = /^[\w ']*$/.test(name) ? `${name} <${address}>` : `"${name.replace(/(["\\])/g, '\\$1')}" <${address}>`;
    fromHeaders.set(from, value);
  }
  return value;
}

/** A text or HTML part: 7bit when it can go as it is, base64 otherwise. */
function textPart(out: string[], type: 'text/plain' | 'text/html', body: string): void {
  const lines = body.replace(/\r\n/g, '\n');
  const asIs = isShortAscii(lines);
  out.push(`Content-Type: ${type}; charset=utf-8`, `Content-Transfer-Encoding: ${asIs ? '7bit' : 'base64'}`, '');
  out.push(asIs ? lines.replace(/\n/g, '\r\n') : wrapBase64(Buffer.from(body, 'utf8').toString('base64')));
}

function attachmentPart(out: string[], a: MailAttachment): void {
  const parsed = parseHeaderValue(a.contentType);
  const contentType = buildHeaderValue({ value: parsed.value, params: { ...parsed.params, name: a.filename } });
  const disposition = buildHeaderValue({ value: a.cid ? 'inline' : 'attachment', params: { filename: a.filename } });
  out.push(header('Content-Type', contentType), 'Content-Transfer-Encoding: base64', header('Content-Disposition', disposition));
  if (a.cid) out.push(`Content-ID: <${a.cid}>`);
  const base64 = a.encoding === 'base64' ? a.content.replace(/\s+/g, '') : Buffer.from(a.content, 'utf8').toString('base64');
  out.push('', wrapBase64(base64));
}

/**
 * Printable ASCII, tabs and LF line breaks, lines within SMTP's 998 octets: no encoding needed. A CR
 * not followed by LF is not: SMTP carries CR only in CRLF, so such a body goes base64.
 */
function isShortAscii(body: string): boolean {
  if (!/^[\t\n\x20-\x7e]*$/.test(body)) return false;
  let lineStart = 0;
  for (let i = body.indexOf('\n'); ; i = body.indexOf('\n', i + 1)) {
    const end = i < 0 ? body.length : i;
    if (end - lineStart > 900) return false;
    if (i < 0) return true;
    lineStart = i + 1;
  }
}

/** Base64 in lines of 76 characters (RFC 2045). */
function wrapBase64(base64: string): string {
  if (base64.length <= 76) return base64;
  const lines: string[] = [];
  for (let i = 0; i < base64.length; i += 76) lines.push(base64.slice(i, i + 76));
  return lines.join('\r\n');
}
