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
  text: string;
  attachments?: MailAttachment[];
}

export type MailLocale = 'ko' | 'en';

/** A named template. Modules register theirs; the mail worker renders by name. */
export interface MailTemplate<P = Record<string, unknown>> {
  name: string;
  render(params: P, locale: MailLocale, context: { publicUrl: string }): RenderedMail;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Subjects become headers: never let a line break or NUL through. */
export function singleLine(value: string): string {
  return value.replace(/[\r\n\u0000\u2028\u2029]+/g, ' ').trim();
}

/** The shared frame of every HTML email: readable on a phone, no remote assets. */
export function htmlFrame(locale: MailLocale, title: string, bodyHtml: string): string {
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title></head>` +
    `<body style="font-family:system-ui,-apple-system,'Malgun Gothic',sans-serif;line-height:1.5;color:#1a1a1a;max-width:640px;margin:0 auto;padding:16px">` +
    `${bodyHtml}<hr style="border:none;border-top:1px solid #ddd;margin:24px 0"><p style="font-size:12px;color:#666">Fairgate · Kim Dae-jung Convention Center, Gwangju</p></body></html>`;
}
