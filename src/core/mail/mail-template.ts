import { html, type SafeHtml } from '../web/html';
import { renderMailText, type EditableMailText, type MailText, type RenderedMailText } from './mail-text';

/** Templates build their HTML part with the pages' auto-escaping tag. */
export { html, type SafeHtml };

/** A rendered email; HTML and plain text always travel together. */
export interface MailAttachment {
  filename: string;
  /** The attachment's content, made by the template (never a path or URL: file and URL access are off). */
  content: string;
  contentType: string;
  /** `base64` when `content` holds binary data (an image) encoded as base64. */
  encoding?: 'base64';
  /** Content-ID, for an image the HTML shows inline (`<img src="cid:…">`). */
  cid?: string;
}

export interface RenderedMail {
  subject: string;
  html: string;
  /** The text part without the footer: renderMail() adds the same footer as the HTML part's. */
  text: string;
  /** Why the reader gets this mail, for the footer; default: the platform's sentence. Pass the same to htmlFrame(). */
  reason?: string;
  attachments?: MailAttachment[];
}

export type MailLocale = 'ko' | 'en';

/**
 * A named template. Modules register theirs; the mail worker renders by name (the outbox row keeps
 * the name and the params as JSON). `P` is what the template needs: `OutboxService.send(tx,
 * template, { params })` checks the params against it at compile time.
 */
export interface MailTemplate<P = Record<string, unknown>> {
  readonly name: string;
  /**
   * @param custom an organizer's text for this kind, already rendered with this message's values:
   * the template uses its subject and puts its body where its own words go (greeting, tables,
   * attachments and the frame stay).
   */
  render(params: P, locale: MailLocale, context: { publicUrl: string }, custom?: RenderedMailText): RenderedMail;
  /** Which words organizers may edit per edition (absent: none). */
  readonly editable?: EditableMailText<P>;
}

/** Subjects become headers: never let a line break or NUL through. */
export function singleLine(value: string): string {
  return value.replace(/[\r\n\u0000\u2028\u2029]+/g, ' ').trim();
}

/** The sender, the same under every email: who wrote, from where (a Korean email ends in Korean). */
const FOOTER: Record<MailLocale, { sender: string; reason: string }> = {
  ko: { sender: '김대중컨벤션센터 · 광주광역시 서구 상무누리로 30', reason: '김대중컨벤션센터 박람회 플랫폼 Fairgate에서 보낸 메일입니다.' },
  en: { sender: 'Kim Dae-jung Convention Center · 30 Sangmunuri-ro, Seo-gu, Gwangju, Korea', reason: 'Sent by Fairgate, the trade-fair platform of the Kim Dae-jung Convention Center.' },
};

function footerLines(locale: MailLocale, reason: string | undefined): string[] {
  return [FOOTER[locale].sender, reason ?? FOOTER[locale].reason];
}

/**
 * The shared frame of every HTML email: readable on a phone, no remote assets. The body is made
 * with the same auto-escaping `html` tag as the pages, so a template cannot forget to escape;
 * the text part of a mail is plain text and is never escaped.
 */
export function htmlFrame(locale: MailLocale, title: string, body: SafeHtml, reason?: string): string {
  return html`<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title></head><body style="font-family:system-ui,-apple-system,'Malgun Gothic',sans-serif;line-height:1.5;color:#1a1a1a;max-width:640px;margin:0 auto;padding:16px;word-break:keep-all">${body}<hr style="border:none;border-top:1px solid #ddd;margin:24px 0"><p style="font-size:12px;color:#666">${lineBreaks(footerLines(locale, reason).join('\n'))}</p></body></html>`.value;
}

/** 김민준 님, 안녕하세요. / Dear Kim Min-jun, — how every email greets its reader. */
export function greeting(name: string, locale: MailLocale): string {
  return locale === 'ko' ? `${name} 님, 안녕하세요.` : `Dear ${name},`;
}

/**
 * Renders a template and ends its text part with the same footer as its HTML part. With `text` (an
 * edition's edited words for this kind and language) the template renders those instead of its own.
 */
export function renderMail<P>(template: MailTemplate<P>, params: P, locale: MailLocale, context: { publicUrl: string }, text?: MailText): RenderedMail {
  const editable = template.editable;
  const custom = text && editable ? renderMailText(text, editable.placeholders, editable.values(params, locale, context)) : undefined;
  const mail = template.render(params, locale, context, custom);
  return { ...mail, text: `${mail.text.replace(/\s+$/, '')}\n\n-- \n${footerLines(locale, mail.reason).join('\n')}\n` };
}

/** Text that may span lines, as HTML: each line escaped, the breaks kept as <br>. */
export function lineBreaks(value: string): SafeHtml[] {
  return value.split(/\r?\n/).map((line, i) => (i === 0 ? html`${line}` : html`<br>${line}`));
}
