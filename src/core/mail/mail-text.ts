import { html, raw, type SafeHtml } from '../web/html';
import type { MailLocale } from './mail-template';

/**
 * Organizer-edited email texts (per edition, template kind and language). The text is plain text
 * with `{{placeholder}}` slots, blank lines between paragraphs, a line break where the text has one,
 * and one piece of markup: `**bold**`. Links are not written by hand: a placeholder of kind `url`
 * becomes a link (https or http only, else plain text), so a text can only link where the template
 * offers a link. Rendering is single-pass: the text is split into tokens once, then each placeholder
 * token is replaced by its value as literal text — a value holding `{{other}}` or `**` stays as written.
 * Values are HTML-escaped in the HTML part; the subject loses control characters and is capped.
 */

/** One slot an edited text may use. */
export interface MailPlaceholder {
  /** Written as `{{name}}`: lower-case letters, digits and `_`. */
  name: string;
  description: Record<MailLocale, string>;
  /** `url`: rendered as a link in the HTML part. */
  kind?: 'text' | 'url';
  /** The body must keep it (the link the reader needs); a save without it is refused. */
  required?: boolean;
}

/** An email kind as organizers see it: one template, or one case of a template (an approval). */
export interface MailTextKind {
  /** The key texts are stored under, e.g. `exhibitor.application-status.approved`. */
  key: string;
  label: Record<MailLocale, string>;
  /** What sends it. */
  trigger: Record<MailLocale, string>;
  /** The code's own text, what the editor starts from and what "reset" returns to. */
  defaults: Record<MailLocale, MailText>;
}

/** What a template declares to let organizers edit its words; the frame, greeting, tables and attachments stay code. */
export interface EditableMailText<P> {
  kinds: MailTextKind[];
  /** The kind of this message (null: this case of the template is not editable). */
  kindOf(params: P): string | null;
  placeholders: MailPlaceholder[];
  /** Every placeholder's value for these params, in the mail's language. */
  values(params: P, locale: MailLocale, context: { publicUrl: string }): Record<string, string>;
  /** Realistic params for the preview (the placeholders' sample values come from here, one source). */
  sample: P;
  /** The sample steered into one kind (the rejection case of a status mail); default: `sample`. */
  sampleFor?(kind: string): P;
}

export interface MailText {
  subject: string;
  body: string;
}

/** An edited text rendered for one message: the template puts the body where its own words go. */
export interface RenderedMailText {
  subject: string;
  html: SafeHtml;
  text: string;
}

export const SUBJECT_MAX = 200;
export const BODY_MAX = 10_000;

/** A problem with a text as saved, per field. */
export type MailTextProblem =
  | { field: 'subject' | 'body'; code: 'empty' }
  | { field: 'subject' | 'body'; code: 'too-long'; max: number }
  | { field: 'subject' | 'body'; code: 'unknown'; placeholder: string; available: string[] }
  | { field: 'body'; code: 'missing'; placeholder: string };

type Token = { kind: 'text'; value: string } | { kind: 'slot'; name: string; source: string } | { kind: 'bold' };

const SLOT = /(\{\{[^{}\r\n]*\}\}|\*\*)/;
const NAME = /^\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}$/;

/** One line split into text, slots and bold markers; an unpaired `**` stays text. */
function tokenize(line: string, bold: boolean): Token[] {
  const tokens: Token[] = [];
  const parts = line.split(SLOT);
  const markers = parts.filter((p) => p === '**').length;
  let markersLeft = bold ? markers - (markers % 2) : 0;
  for (const part of parts) {
    if (part === '') continue;
    if (part === '**') {
      if (markersLeft > 0) {
        tokens.push({ kind: 'bold' });
        markersLeft -= 1;
      } else tokens.push({ kind: 'text', value: part });
    } else if (part.startsWith('{{') && part.endsWith('}}')) {
      const name = NAME.exec(part)?.[1];
      tokens.push({ kind: 'slot', name: name ?? part, source: part });
    } else tokens.push({ kind: 'text', value: part });
  }
  return tokens;
}

/** The placeholders a text uses, as written (`{{compnay}}`), in order, once each. */
function slotsOf(text: string): Array<{ name: string; source: string }> {
  const seen = new Map<string, { name: string; source: string }>();
  for (const line of text.split(/\r?\n/)) {
    for (const t of tokenize(line, false)) if (t.kind === 'slot' && !seen.has(t.source)) seen.set(t.source, { name: t.name, source: t.source });
  }
  return [...seen.values()];
}

/** Checks a text before it is saved: both fields filled and short enough, only known placeholders, the required ones kept. */
export function checkMailText(text: MailText, placeholders: MailPlaceholder[]): MailTextProblem[] {
  const problems: MailTextProblem[] = [];
  const known = new Set(placeholders.map((p) => p.name));
  const available = placeholders.map((p) => `{{${p.name}}}`);
  for (const field of ['subject', 'body'] as const) {
    const value = text[field];
    const max = field === 'subject' ? SUBJECT_MAX : BODY_MAX;
    if (value.trim() === '') problems.push({ field, code: 'empty' });
    else if (value.length > max) problems.push({ field, code: 'too-long', max });
    for (const slot of slotsOf(value)) if (!known.has(slot.name)) problems.push({ field, code: 'unknown', placeholder: slot.source, available });
  }
  if (text.body.trim() !== '') {
    const used = new Set(slotsOf(text.body).map((s) => s.name));
    for (const p of placeholders) if (p.required && !used.has(p.name)) problems.push({ field: 'body', code: 'missing', placeholder: `{{${p.name}}}` });
  }
  return problems;
}

const PROBLEM_WORDS: Record<MailLocale, (p: MailTextProblem) => string> = {
  ko: (p) => {
    switch (p.code) {
      case 'empty': return p.field === 'subject' ? '제목을 입력해 주세요.' : '본문을 입력해 주세요.';
      case 'too-long': return `${p.max.toLocaleString('en-US')}자 이하로 줄여 주세요.`;
      case 'unknown': return `알 수 없는 자리표시자: ${p.placeholder} — 사용할 수 있는 것: ${p.available.join(', ')}`;
      case 'missing': return `이 메일에 꼭 필요한 자리표시자가 빠졌습니다: ${p.placeholder}`;
    }
  },
  en: (p) => {
    switch (p.code) {
      case 'empty': return p.field === 'subject' ? 'Enter a subject.' : 'Enter the text of the email.';
      case 'too-long': return `Shorten it to ${p.max.toLocaleString('en-US')} characters or fewer.`;
      case 'unknown': return `Unknown placeholder: ${p.placeholder} — available: ${p.available.join(', ')}`;
      case 'missing': return `This email needs the placeholder ${p.placeholder}; put it back into the text.`;
    }
  },
};

/** A problem as a sentence that says what to change. */
export function describeMailTextProblem(problem: MailTextProblem, locale: MailLocale): string {
  return PROBLEM_WORDS[locale](problem);
}

/** A subject safe as a header: no control characters (CR, LF, NUL, …) or line separators, one space between words, capped. */
export function headerSafe(value: string, max = SUBJECT_MAX): string {
  const flat = value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  return [...flat].slice(0, max).join('');
}

function isWebUrl(value: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(value);
}

/**
 * Renders a checked text with the message's values, in one pass. A placeholder without a value
 * (not expected after checkMailText) renders as nothing.
 */
export function renderMailText(text: MailText, placeholders: MailPlaceholder[], values: Record<string, string>): RenderedMailText {
  const kinds = new Map(placeholders.map((p) => [p.name, p.kind ?? 'text']));
  const known = (name: string): string | undefined => (kinds.has(name) && Object.hasOwn(values, name) ? values[name] : undefined);

  const subject = headerSafe(
    tokenize(text.subject, false)
      .map((t) => (t.kind === 'text' ? t.value : t.kind === 'slot' ? (known(t.name) ?? '') : ''))
      .join(''),
  );

  const paragraphs = text.body.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n+/).map((p) => p.replace(/^\n+|\n+$/g, '')).filter((p) => p.trim() !== '');
  const textParts: string[] = [];
  const htmlParts: SafeHtml[] = [];
  for (const paragraph of paragraphs) {
    const lines = paragraph.split('\n').map((line) => tokenize(line, true));
    textParts.push(lines.map((tokens) => tokens.map((t) => (t.kind === 'text' ? t.value : t.kind === 'slot' ? (known(t.name) ?? '') : '')).join('')).join('\n'));
    const htmlLines = lines.map((tokens) => {
      let open = false;
      const pieces: SafeHtml[] = tokens.map((t) => {
        if (t.kind === 'text') return html`${t.value}`;
        if (t.kind === 'bold') {
          open = !open;
          return raw(open ? '<strong>' : '</strong>');
        }
        const value = known(t.name) ?? '';
        return kinds.get(t.name) === 'url' && isWebUrl(value) ? html`<a href="${value}">${value}</a>` : html`${value}`;
      });
      return html`${pieces}`;
    });
    htmlParts.push(html`<p>${htmlLines.map((line, i) => (i === 0 ? line : html`<br>${line}`))}</p>`);
  }
  return { subject, text: textParts.join('\n\n'), html: html`${htmlParts}` };
}

/** The sample value of each placeholder, from the template's sample params (shown beside the editor). */
export function sampleValues<P>(editable: EditableMailText<P>, locale: MailLocale, context: { publicUrl: string }): Record<string, string> {
  return editable.values(editable.sample, locale, context);
}

/**
 * The words of one message: the organizer's (already rendered) if there are any, else the template's
 * default for the message's kind, rendered the same way — so what the editor shows as the default is
 * exactly what goes out.
 */
export function wordsOf<P>(editable: EditableMailText<P>, params: P, locale: MailLocale, context: { publicUrl: string }, custom?: RenderedMailText): RenderedMailText {
  if (custom) return custom;
  const key = editable.kindOf(params);
  const kind = editable.kinds.find((k) => k.key === key) ?? editable.kinds[0];
  return renderMailText(kind.defaults[locale], editable.placeholders, editable.values(params, locale, context));
}
