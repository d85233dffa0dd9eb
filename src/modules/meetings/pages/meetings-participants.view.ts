import { html, type SafeHtml } from '../../../core/web/html';
import { COMPANY_IDENTIFIER_KINDS, formatCompanyIdentifier, identifierKindName } from '../../exhibitors/domain/company-identifier';
import { BUYER_CSV_COLUMNS, BUYER_CSV_OPTIONAL_COLUMNS } from '../domain/buyer-csv';
import { participantCompanyName } from '../domain/participant-company';
import { countryName } from '../domain/world-names';
import type { ParticipantModel, ParticipantForm, ParticipantsModel } from './meetings-console.service';
import { consolePage, csrfField, editionName, flashNotice, subNav, type MeetingsPageContext } from './meetings-console.view';
import { consoleUrls, manyOf, slotLabel, type ImportProblem } from './meetings-console.view-model';
import type { MeetingsMessage } from './messages';

/*
 * The participants page: buyers and exhibitors as cards (they fit 360 px), the add form with its
 * errors next to each field and summarised on top, and the buyer CSV import with its problems by
 * line number.
 */

export const PARTICIPANT_FIELDS = ['side', 'companyName', 'alternateCompanyName', 'country', 'identifierKind', 'identifier', 'contactName', 'email', 'languages', 'interests', 'tableCode', 'maxMeetings', 'locale'] as const;

export interface ParticipantsPageState {
  flash?: { ok: boolean; text: string };
  form?: ParticipantForm;
  errors?: Record<string, string>;
  importText?: string;
  importProblems?: ImportProblem[];
  importEmpty?: boolean;
}

const FIELD_LABEL: Record<(typeof PARTICIPANT_FIELDS)[number], MeetingsMessage> = {
  side: 'fSide', companyName: 'fCompany', alternateCompanyName: 'fAlternateCompany', country: 'fCountry', identifierKind: 'fIdentifierKind', identifier: 'fIdentifier', contactName: 'fContact', email: 'fEmail', languages: 'fLanguages',
  interests: 'fInterests', tableCode: 'fTable', maxMeetings: 'fMax', locale: 'fLocale',
};

export function renderParticipantsPage(ctx: MeetingsPageContext, m: ParticipantsModel, state: ParticipantsPageState = {}): string {
  const { t } = ctx;
  const e = m.edition.code;
  const title = t('participantsTitle', { edition: editionName(m, ctx.lang) });
  const buyers = m.participants.filter((p) => p.side === 'buyer');
  const exhibitors = m.participants.filter((p) => p.side === 'exhibitor');
  const body = html`${subNav(ctx, e, 'participants')}
<h1>${title}</h1>
${flashNotice(state.flash)}
${m.participants.length === 0 && html`<p>${t('noParticipants')}</p>`}
${buyers.length > 0 && html`<h2 id="buyers">${t('buyers')} (${buyers.length})</h2>${list(ctx, m, buyers)}`}
${exhibitors.length > 0 && html`<h2 id="exhibitors">${t('exhibitors')} (${exhibitors.length})</h2>${list(ctx, m, exhibitors)}`}
${importForm(ctx, m, state)}
${addForm(ctx, m, state)}`;
  return consolePage(ctx, title, body);
}

function list(ctx: MeetingsPageContext, m: ParticipantsModel, people: ParticipantsModel['participants']): SafeHtml {
  const { t } = ctx;
  return html`<ul class="mg-cards">${people.map(
    (p) => html`<li id="p-${p.id}"><h3>${participantCompanyName(ctx.lang, p)} <span class="mg-badge">${t(p.side === 'buyer' ? 'side_buyer' : 'side_exhibitor')}</span>${
      m.selfRegistered.includes(p.id) ? html` <span class="mg-badge mg-self">${t('selfRegistered')}</span>` : ''}</h3>
<p class="mg-meta">${t('colCountry')}: ${countryName(p.country, ctx.lang)} (${p.country})${p.identifierKind && p.identifier && html` · ${identifierKindName(p.identifierKind, ctx.lang)}: ${formatCompanyIdentifier(p.identifierKind, p.identifier)}`} · ${t('colLanguages')}: ${p.languages.join(', ')}${p.tableCode && html` · ${t('colTable')}: ${p.tableCode}`}</p>
<p class="mg-meta">${t('colContact')}: ${p.contactName} · ${p.email}</p>
<p class="mg-meta">${t('colAvailability')}: ${p.unavailableSlots.length === 0 ? t('availableAll') : t('awayCount', { count: p.unavailableSlots.length })}
· <a href="${consoleUrls.participant(m.edition.code, p.id)}">${t('editAvailability')}</a></p></li>`,
  )}</ul>`;
}

function importForm(ctx: MeetingsPageContext, m: ParticipantsModel, state: ParticipantsPageState): SafeHtml {
  const { t } = ctx;
  const problems = state.importProblems ?? [];
  return html`<section class="mg-section" aria-labelledby="import-title" id="import">
<h2 id="import-title">${t('importTitle')}</h2>
<p class="mg-wrap">${t('importIntro', { columns: BUYER_CSV_COLUMNS.join(', ') })}</p>
<p class="mg-wrap">${t('importOptional', { columns: BUYER_CSV_OPTIONAL_COLUMNS.join(', ') })}</p>
${problems.length > 0 && html`<div class="notice bad" role="alert" id="import-errors"><p><strong>${t('importErrorsTitle', { count: problems.length })}</strong></p>
<ul class="mg-problems">${problems.map(
    (p) => html`<li data-line="${p.line}"><strong>${t('importLine', { line: p.line })}</strong>${p.field && html` (${t('importField', { field: p.field })})`}: ${p.text}</li>`,
  )}</ul></div>`}
${state.importEmpty && html`<p class="notice bad" role="alert">${t('importEmpty')}</p>`}
<form method="post" action="${consoleUrls.participants(m.edition.code)}/import" enctype="multipart/form-data">${csrfField(ctx)}
<div class="field"><label for="import-file">${t('importFile')}</label><input type="file" id="import-file" name="file" accept=".csv,text/csv"></div>
<div class="field"><label for="import-csv">${t('importPaste')}</label><textarea id="import-csv" name="csv" spellcheck="false">${state.importText ?? ''}</textarea></div>
<button type="submit">${t('importButton')}</button>
</form>
</section>`;
}

function addForm(ctx: MeetingsPageContext, m: ParticipantsModel, state: ParticipantsPageState): SafeHtml {
  const { t, lang } = ctx;
  const f = state.form ?? {};
  const errors = state.errors ?? {};
  const wrong = PARTICIPANT_FIELDS.filter((k) => errors[k]);
  const err = (k: string): SafeHtml | string => (errors[k] ? html`<p class="error" id="err-${k}">${errors[k]}</p>` : '');
  const aria = (k: string): SafeHtml | string => (errors[k] ? html` aria-invalid="true" aria-describedby="err-${k}"` : '');
  const text = (k: 'companyName' | 'alternateCompanyName' | 'country' | 'identifier' | 'contactName' | 'email' | 'languages' | 'maxMeetings', type = 'text'): SafeHtml =>
    html`<div class="field"><label for="f-${k}">${t(FIELD_LABEL[k])}</label><input type="${type}" id="f-${k}" name="${k}" value="${f[k] ?? ''}"${aria(k)}>${err(k)}</div>`;
  const interests = new Set(manyOf(f.interests));
  const side = f.side ?? 'buyer';
  return html`<section class="mg-section" aria-labelledby="add-title" id="add">
<h2 id="add-title">${t('addTitle')}</h2>
${wrong.length > 0 && html`<div class="notice bad errors" role="alert" id="add-errors"><p><strong>${t('errorsTitle', { count: wrong.length })}</strong></p><ul>${wrong.map(
    (k) => html`<li><a href="#f-${k}">${t(FIELD_LABEL[k])}</a>: ${errors[k]}</li>`,
  )}</ul></div>`}
<form method="post" action="${consoleUrls.participants(m.edition.code)}" novalidate>${csrfField(ctx)}
<fieldset class="mg-checks" id="f-side"><legend>${t('fSide')}</legend>
<label><input type="radio" name="side" value="buyer"${side === 'buyer' ? html` checked` : ''}>${t('side_buyer')}</label>
<label><input type="radio" name="side" value="exhibitor"${side === 'exhibitor' ? html` checked` : ''}>${t('side_exhibitor')}</label>
${err('side')}</fieldset>
<div class="row">${text('companyName')}${text('alternateCompanyName')}</div>
<div class="row">${text('country')}
<div class="field"><label for="f-identifierKind">${t('fIdentifierKind')}</label><select id="f-identifierKind" name="identifierKind"${aria('identifierKind')}><option value="">${t('fNoIdentifier')}</option>${COMPANY_IDENTIFIER_KINDS.map(
    (k) => html`<option value="${k}"${f.identifierKind === k ? html` selected` : ''}>${identifierKindName(k, lang)}</option>`,
  )}</select>${err('identifierKind')}</div>
${text('identifier')}</div>
<div class="row">${text('contactName')}${text('email', 'email')}</div>
${text('languages')}
${m.categories.length > 0 && html`<fieldset class="mg-checks" id="f-interests"><legend>${t('fInterests')}</legend>${m.categories.map(
    (c) => html`<label><input type="checkbox" name="interests" value="${c.code}"${interests.has(c.code) ? html` checked` : ''}>${lang === 'ko' ? c.nameKo : c.nameEn}</label>`,
  )}${err('interests')}</fieldset>`}
<div class="row">
<div class="field"><label for="f-tableCode">${t('fTable')}</label><select id="f-tableCode" name="tableCode"${aria('tableCode')}><option value="">${t('fNoTable')}</option>${m.tables.map(
    (c) => html`<option value="${c}"${f.tableCode === c ? html` selected` : ''}>${c}</option>`,
  )}</select>${err('tableCode')}</div>
${text('maxMeetings')}
<div class="field"><label for="f-locale">${t('fLocale')}</label><select id="f-locale" name="locale"><option value="en"${f.locale !== 'ko' ? html` selected` : ''}>English</option><option value="ko"${f.locale === 'ko' ? html` selected` : ''}>한국어</option></select></div>
</div>
<button type="submit">${t('add')}</button>
</form>
</section>`;
}

/** One participant's availability: a checkbox per slot, ticked when away. */
export function renderParticipantPage(ctx: MeetingsPageContext, m: ParticipantModel, flash?: { ok: boolean; text: string }): string {
  const { t, lang } = ctx;
  const p = m.participant;
  const title = t('availabilityTitle', { name: participantCompanyName(lang, p) });
  const away = new Set(p.unavailableSlots);
  const body = html`${subNav(ctx, m.edition.code, 'participants')}
<h1>${title}</h1>
${flashNotice(flash)}
<p><a href="${consoleUrls.participants(m.edition.code)}">${t('backToParticipants')}</a></p>
<p>${t('availabilityIntro')}</p>
<form method="post" action="${consoleUrls.participant(m.edition.code, p.id)}/availability">${csrfField(ctx)}
<fieldset class="mg-checks" style="flex-direction:column"><legend>${t('colAvailability')}</legend>
${m.slots.length === 0 ? html`<p>${t('noSlots')}</p>` : m.slots.map(
    (s) => html`<label><input type="checkbox" name="away" value="${s.id}"${away.has(s.id) ? html` checked` : ''}>${slotLabel(s, lang)} — ${t('unavailable')}</label>`,
  )}
</fieldset>
<button type="submit">${t('save')}</button>
</form>`;
  return consolePage(ctx, title, body);
}
