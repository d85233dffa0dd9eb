/**
 * An `html` tagged template that escapes every interpolation unless it is already SafeHtml,
 * so a page or an email can only contain markup its author wrote. raw() is the explicit escape
 * hatch. The one HTML renderer of the house: pages (core/web) and the HTML part of every email
 * (core/mail, the areas' mail/ templates) are built with it; nothing else escapes HTML.
 */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** The one escaping function; private, so markup is only ever made through html`…`. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ESCAPES[c]);
}

/** Trusted markup, not escaped. Only for strings built by the caller from escaped parts. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** Values a template may interpolate: nothing, text, numbers, markup, or lists of them. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  // false/null/undefined render as nothing, so `${cond && html`…`}` reads naturally.
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}
