import type { StaffGrant } from '../../../core/auth/staff-access';
import { STAFF_ROLES, type StaffRole } from '../../../core/auth/staff-roles.decorator';
import type { TeamMember } from '../../../core/auth/team.service';
import type { ConsoleContext } from '../../../core/web/console-context';
import { renderConsolePage } from '../../../core/web/console-frame';
import { html, type SafeHtml } from '../../../core/web/html';
import type { Translate } from '../../../core/web/i18n';
import type { TeamWord } from './team.messages';

export const TEAM_PAGE = '/console/team';
/** The value of the edition choice that means every edition. */
export const ALL_EDITIONS = 'all';

export interface TeamEdition {
  id: string;
  code: string;
  name: string;
}

export type InviteField = 'email' | 'displayName' | 'edition' | 'roles';

export interface InviteState {
  values: { email: string; displayName: string; locale: string; edition: string; roles: string[] };
  errors: Partial<Record<InviteField, string>>;
}

export interface TeamPageData {
  members: TeamMember[];
  editions: TeamEdition[];
  /** The editions the viewer may grant roles for ('all' for an organization admin). */
  grantable: 'all' | Set<string>;
  orgAdmin: boolean;
  flash?: string;
  /** A refusal of a member form (roles, admin, revoke), shown on top. */
  problem?: string;
  invite: InviteState;
}

const STYLES = `
.grid-wrap{max-width:100%;overflow-x:auto}
table.team{border-collapse:collapse;min-width:100%}
table.team th,table.team td{border:1px solid #ddd;padding:.3rem .45rem;text-align:left;vertical-align:top;font-size:.9rem;min-width:7rem;word-break:keep-all;overflow-wrap:anywhere}
table.team tbody th{min-width:10rem}
.tag{display:inline-block;font-size:.78rem;border:1px solid #888;border-radius:4px;padding:0 .25rem;margin:.1rem 0;white-space:nowrap}
.member{border:1px solid #ddd;border-radius:8px;padding:.5rem .7rem;margin:.5rem 0;overflow-wrap:anywhere}
fieldset.roles{border:0;padding:0;margin:.3rem 0;display:flex;flex-wrap:wrap;gap:.2rem .9rem}
fieldset.roles label{display:inline-flex;gap:.25rem;align-items:center;white-space:nowrap}
fieldset.roles input{width:auto;min-width:0;margin:0}
form.inline{display:inline}
.hint{color:#555}
`;

export function roleWord(t: Translate<TeamWord>, role: StaffRole): string {
  return t(`role.${role}`);
}

function rolesIn(grants: StaffGrant[], editionId: string | null): StaffRole[] {
  return grants.filter((g) => g.editionId === editionId).map((g) => g.role);
}

function editionOptions(t: Translate<TeamWord>, d: TeamPageData, selected: string): SafeHtml {
  const may = (id: string): boolean => d.grantable === 'all' || d.grantable.has(id);
  return html`${d.grantable === 'all' ? html`<option value="${ALL_EDITIONS}"${selected === ALL_EDITIONS ? html` selected` : ''}>${t('allEditions')}</option>` : ''}${d.editions
    .filter((e) => may(e.id))
    .map((e) => html`<option value="${e.code}"${selected === e.code ? html` selected` : ''}>${e.name}</option>`)}`;
}

function roleBoxes(t: Translate<TeamWord>, idPrefix: string, checked: readonly string[], invalid?: string): SafeHtml {
  return html`<fieldset class="roles"${invalid ? html` aria-invalid="true" aria-describedby="${invalid}"` : ''}><legend>${t('roles')}</legend>${STAFF_ROLES.map(
    (r) => html`<label><input type="checkbox" id="${idPrefix}-${r}" name="roles" value="${r}"${checked.includes(r) ? html` checked` : ''}>${roleWord(t, r)}</label>`,
  )}</fieldset>`;
}

export function renderTeamPage(ctx: ConsoleContext, t: Translate<TeamWord>, d: TeamPageData): string {
  const csrf = html`<input type="hidden" name="_csrf" value="${ctx.user?.csrf}">`;
  const inv = d.invite;
  const err = (f: InviteField): SafeHtml => (inv.errors[f] ? html`<p class="error" id="invite-${f}-error">${inv.errors[f]}</p>` : html``);
  const invalid = (f: InviteField): SafeHtml => (inv.errors[f] ? html` aria-invalid="true" aria-describedby="invite-${f}-error"` : html``);
  const errorList = (Object.keys(inv.errors) as InviteField[]).map((f) => html`<li><a href="#invite-${f}">${inv.errors[f]}</a></li>`);
  const columns: Array<{ id: string | null; label: string }> = [{ id: null, label: t('allEditions') }, ...d.editions.map((e) => ({ id: e.id, label: e.name }))];
  const body = html`<h1>${t('title')}</h1>
<p class="hint">${t('intro')}</p>
${d.flash && html`<div class="notice ok" role="status">${d.flash}</div>`}
${d.problem && html`<div class="notice bad" role="alert">${d.problem}</div>`}
<div class="grid-wrap" tabindex="0" role="region" aria-label="${t('roles')}"><table class="team">
<thead><tr><th scope="col">${t('member')}</th>${columns.map((c) => html`<th scope="col">${c.label}</th>`)}</tr></thead>
<tbody>${d.members.map((m) => html`<tr><th scope="row">${m.displayName}<br><small>${m.email}</small><br>${m.orgAdmin ? html`<span class="tag">${t('orgAdmin')}</span>` : ''}${m.pending && !m.disabled ? html`<span class="tag">${t('pending')}</span>` : ''}${m.disabled ? html`<span class="tag">${t('revoked')}</span>` : ''}</th>${columns.map((c) => {
    const roles = rolesIn(m.grants, c.id);
    return html`<td>${roles.length ? roles.map((r) => roleWord(t, r)).join(', ') : t('none')}</td>`;
  })}</tr>`)}</tbody>
</table></div>

<section aria-labelledby="invite-title">
<h2 id="invite-title">${t('inviteTitle')}</h2>
${errorList.length > 0 && html`<div class="notice bad errors-summary" role="alert"><p>${t('errorsSummary')}</p><ul>${errorList}</ul></div>`}
<form method="post" action="${TEAM_PAGE}/invite">
${csrf}
<div class="field"><label for="invite-email">${t('email')}</label><input id="invite-email" name="email" type="email" maxlength="200" required value="${inv.values.email}"${invalid('email')}>${err('email')}</div>
<div class="field"><label for="invite-displayName">${t('name')}</label><input id="invite-displayName" name="displayName" type="text" maxlength="100" required value="${inv.values.displayName}"${invalid('displayName')}>${err('displayName')}</div>
<div class="field"><label for="invite-locale">${t('language')}</label><select id="invite-locale" name="locale"><option value="ko"${inv.values.locale === 'ko' ? html` selected` : ''}>${t('langKo')}</option><option value="en"${inv.values.locale === 'en' ? html` selected` : ''}>${t('langEn')}</option></select></div>
<div class="field"><label for="invite-edition">${t('edition')}</label><select id="invite-edition" name="edition"${invalid('edition')}>${editionOptions(t, d, inv.values.edition)}</select>${err('edition')}</div>
<div class="field" id="invite-roles">${roleBoxes(t, 'invite-role', inv.values.roles, inv.errors.roles ? 'invite-roles-error' : undefined)}${err('roles')}</div>
<button type="submit">${t('invite')}</button>
</form>
</section>

<section aria-labelledby="manage-title">
<h2 id="manage-title">${t('changeTitle')}</h2>
${d.members.filter((m) => !m.disabled).map((m) => html`<div class="member" id="member-${m.accountId}">
<strong>${m.displayName}</strong> <small>${m.email}</small>
<form method="post" action="${TEAM_PAGE}/${m.accountId}/roles">
${csrf}
<label for="roles-edition-${m.accountId}">${t('edition')}</label>
<select id="roles-edition-${m.accountId}" name="edition">${editionOptions(t, d, '')}</select>
${roleBoxes(t, `roles-${m.accountId}`, [])}
<button type="submit">${t('save')}</button>
</form>
${d.orgAdmin && html`<form class="inline" method="post" action="${TEAM_PAGE}/${m.accountId}/org-admin">${csrf}<input type="hidden" name="orgAdmin" value="${m.orgAdmin ? 'no' : 'yes'}"><button type="submit">${m.orgAdmin ? t('removeAdmin') : t('makeAdmin')}</button></form>
<form class="inline" method="post" action="${TEAM_PAGE}/${m.accountId}/revoke">${csrf}<button type="submit" aria-describedby="revoke-note">${t('revoke')}</button></form>`}
</div>`)}
${d.orgAdmin && html`<p class="hint" id="revoke-note">${t('revokeConfirm')}</p>`}
</section>`;
  return renderConsolePage(ctx, { title: t('title'), section: 'team', body, extraStyles: STYLES });
}

export function renderAcceptPage(ctx: ConsoleContext, t: Translate<TeamWord>, v: { token: string; error?: string; done?: { email: string } }): string {
  const body = v.done
    ? html`<h1>${t('acceptedTitle')}</h1><p role="status">${t('acceptedText', { email: v.done.email })}</p><p><a href="/console/login">${t('toLogin')}</a></p>`
    : html`<h1>${t('acceptTitle')}</h1>
<p>${t('acceptIntro')}</p>
${v.error && html`<div class="notice bad" role="alert"><p id="password-error">${v.error}</p></div>`}
<form method="post" action="${TEAM_PAGE}/accept">
<input type="hidden" name="token" value="${v.token}">
<div class="field"><label for="accept-password">${t('password')}</label><input id="accept-password" name="password" type="password" autocomplete="new-password" minlength="10" maxlength="200" required aria-describedby="accept-password-hint${v.error ? ' password-error' : ''}"${v.error ? html` aria-invalid="true"` : ''}><div class="hint" id="accept-password-hint">${t('passwordHint')}</div></div>
<button type="submit">${t('accept')}</button>
</form>`;
  return renderConsolePage(ctx, { title: v.done ? t('acceptedTitle') : t('acceptTitle'), section: 'team', body, extraStyles: STYLES });
}
