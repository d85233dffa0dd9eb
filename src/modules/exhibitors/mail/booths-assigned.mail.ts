import { greeting, html, htmlFrame, type SafeHtml, type MailLocale, type MailTemplate } from '../../../core/mail/mail-template';
import { wordsOf, type EditableMailText } from '../../../core/mail/mail-text';
import type { BoothKind } from '../domain/fees';
import { exhibitorMailReason, type ApplicationMailHead } from './application-mail-head';

export interface BoothsAssignedParams extends ApplicationMailHead {
  hallNameKo: string;
  hallNameEn: string;
  booths: Array<{ code: string; kind: BoothKind; units: number }>;
  /** The quote after assignment: corners and islands change the price. */
  fee: { lines: Array<{ code: string; quantity: number; unitKrw: number; amountKrw: number }>; netKrw: number; vatKrw: number; totalKrw: number };
}

const WORDS = {
  ko: {
    boothHead: ['부스', '형태', '면적'],
    kind: { inline: '일반', corner: '코너', island: '독립(아일랜드)' } satisfies Record<BoothKind, string>,
    feeHead: ['항목', '수량', '단가', '금액'],
    line: { booths: '부스', corner_surcharge: '코너 할증', island_surcharge: '독립 부스 할증', early_bird_discount: '조기 신청 할인' } as Partial<Record<string, string>>,
    net: '공급가액', vat: '부가세', total: '합계',
    money: (n: number) => `${won(n)}원`,
    link: '신청 현황은 아래 링크에서 확인하실 수 있습니다.',
  },
  en: {
    boothHead: ['Booth', 'Type', 'Area'],
    kind: { inline: 'inline', corner: 'corner', island: 'island' } satisfies Record<BoothKind, string>,
    feeHead: ['Item', 'Quantity', 'Unit price', 'Amount'],
    line: { booths: 'Booths', corner_surcharge: 'Corner surcharge', island_surcharge: 'Island surcharge', early_bird_discount: 'Early-bird discount' } as Partial<Record<string, string>>,
    net: 'Net', vat: 'VAT', total: 'Total',
    money: (n: number) => `KRW ${won(n)}`,
    link: 'You can follow your application at the link below.',
  },
} satisfies Record<MailLocale, unknown>;

/** The words before the booth and fee tables (the tables and the link after them stay code). */
const editable: EditableMailText<BoothsAssignedParams> = {
  kinds: [{
    key: 'exhibitor.booths-assigned',
    label: { ko: '부스 배정 안내', en: 'Booths assigned' },
    trigger: { ko: '승인된 신청에 부스를 배정하거나 바꿀 때 (부스와 참가비 표, 신청 현황 링크가 본문 아래에 붙습니다)', en: 'Booths are assigned or reassigned to an approved application (the booth and fee tables and the link follow the text)' },
    defaults: {
      ko: { subject: '[Fairgate] 부스 배정 안내: {{edition_name}}', body: '{{company_name}}의 부스가 {{hall_name}}에 배정되었습니다. 부스 위치에 따라 참가비가 아래와 같이 정해졌습니다.' },
      en: { subject: '[Fairgate] Your booths: {{edition_name}}', body: 'The booths of {{company_name}} have been assigned in {{hall_name}}. The participation fee, which depends on where the booths stand, is as follows.' },
    },
  }],
  kindOf: () => 'exhibitor.booths-assigned',
  placeholders: [
    { name: 'company_name', description: { ko: '신청한 회사 이름', en: 'The applying company' } },
    { name: 'contact_name', description: { ko: '신청 담당자 이름', en: 'The contact person' } },
    { name: 'edition_name', description: { ko: '전시회 이름 (메일 언어로)', en: 'The fair, in the language of the mail' } },
    { name: 'hall_name', description: { ko: '전시홀 이름', en: 'The hall' } },
    { name: 'booths', description: { ko: '배정된 부스 번호', en: 'The booth numbers' } },
    { name: 'total', description: { ko: '참가비 합계', en: 'The total fee' } },
  ],
  values: (p, locale) => ({
    company_name: p.companyName,
    contact_name: p.contactName,
    edition_name: locale === 'ko' ? p.editionNameKo : p.editionNameEn,
    hall_name: locale === 'ko' ? p.hallNameKo : p.hallNameEn,
    booths: p.booths.map((b) => b.code).join(', '),
    total: WORDS[locale].money(p.fee.totalKrw),
  }),
  sample: {
    applicationId: '5f0c2a9e-7d41-4c55-9a53-0d6f2b8e1c17', companyName: '빛고을정밀 주식회사', contactName: '김민준', editionNameKo: '2027 국제뿌리산업전시회',
    editionNameEn: '2027 PPURI Fair', statusUrl: 'https://fairgate.example/exhibitor/applications/5f0c2a9e-7d41-4c55-9a53-0d6f2b8e1c17',
    hallNameKo: '전시홀 1', hallNameEn: 'Exhibition Hall 1', booths: [{ code: '1A02', kind: 'corner', units: 1 }],
    fee: { lines: [{ code: 'booths', quantity: 1, unitKrw: 2_600_000, amountKrw: 2_600_000 }, { code: 'corner_surcharge', quantity: 1, unitKrw: 260_000, amountKrw: 260_000 }], netKrw: 2_860_000, vatKrw: 286_000, totalKrw: 3_146_000 },
  },
};

/** Sent when booths are assigned (or reassigned): where the exhibitor stands and what it pays. */
export const boothsAssignedMail: MailTemplate<BoothsAssignedParams> = {
  name: 'exhibitor.booths-assigned',
  editable,
  render(p, locale, context, custom) {
    const w = WORDS[locale];
    const words = wordsOf(editable, p, locale, context, custom);
    const subject = words.subject;
    const booths = p.booths.map((b) => [b.code, w.kind[b.kind], `${b.units * 9} m²`]);
    const lines = p.fee.lines.map((l) => [w.line[l.code] ?? l.code, String(l.quantity), w.money(l.unitKrw), w.money(l.amountKrw)]);
    const totals: Array<[string, number]> = [[w.net, p.fee.netKrw], [w.vat, p.fee.vatKrw], [w.total, p.fee.totalKrw]];

    const hello = greeting(p.contactName, locale);
    const why = exhibitorMailReason(locale, p.companyName);
    const text = [
      hello, '', words.text, '',
      ...booths.map(([code, kind, area]) => `- ${code}: ${kind}, ${area}`), '',
      ...lines.map(([label, quantity, unit, amount]) => `- ${label}: ${quantity} × ${unit} = ${amount}`),
      ...totals.map(([label, amount]) => `${label}: ${w.money(amount)}`), '',
      w.link, p.statusUrl,
    ].join('\n');
    const body = html`<p>${hello}</p>${words.html}${grid(w.boothHead, booths)}${
      grid(w.feeHead, lines, totals.map(([label, amount]) => [label, '', '', w.money(amount)]))}<p>${w.link}<br><a href="${p.statusUrl}">${p.statusUrl}</a></p>`;
    return { subject, text, html: htmlFrame(locale, subject, body, why), reason: why };
  },
};

/** 2860000 → '2,860,000', the same on every machine (no locale data involved). */
function won(amount: number): string {
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A table with a header row and optional bold footer rows; every cell escaped, numbers right-aligned. */
function grid(head: string[], body: string[][], foot: string[][] = []): SafeHtml {
  const cell = (tag: 'th' | 'td', value: string, i: number): SafeHtml => {
    const style = `padding:4px 8px;border-bottom:1px solid #ddd;text-align:${i === 0 ? 'left' : 'right'}`;
    return tag === 'th' ? html`<th style="${style}">${value}</th>` : html`<td style="${style}">${value}</td>`;
  };
  const row = (cells: string[], tag: 'th' | 'td'): SafeHtml => html`<tr>${cells.map((c, i) => cell(tag, c, i))}</tr>`;
  return html`<table style="border-collapse:collapse;margin:12px 0"><thead>${row(head, 'th')}</thead><tbody>${body.map((r) => row(r, 'td'))}</tbody>${
    foot.length > 0 && html`<tfoot>${foot.map((r) => row(r, 'th'))}</tfoot>`}</table>`;
}
