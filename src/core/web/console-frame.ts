import { staffMayAct, type StaffTarget } from '../auth/staff-access';
import type { StaffRole } from '../auth/staff-roles.decorator';
import { CONSOLE_BASE, type ConsoleContext } from './console-context';
import { loggedInHeader } from './console-parts';
import { html, type SafeHtml } from './html';
import { translator, type Catalogue } from './i18n';
import { renderPage } from './layout';

/**
 * The console's frame: every organizer page has the same header (who is logged in, logout), the
 * same navigation to every section, and marks the section it belongs to. A new console page names
 * its section and gives its title and body; nothing else.
 */
export type ConsoleSection =
  | 'dashboard' | 'applications' | 'booths' | 'billing' | 'venue' | 'programme' | 'meetings' | 'attendees' | 'checkin' | 'mail' | 'queues' | 'team' | 'audit' | 'webhooks';

/**
 * Each section's landing page, in the order of the navigation, and who may use it: the staff roles
 * of its landing page's @StaffRoles (in any edition; 'organization': organization admins only).
 * A member sees only the sections they may open.
 */
export const CONSOLE_SECTIONS: ReadonlyArray<{ section: ConsoleSection; href: string; roles: readonly StaffRole[]; target?: StaffTarget }> = [
  { section: 'dashboard', href: CONSOLE_BASE, roles: ['reviewer', 'venue', 'meetings', 'onsite'] },
  { section: 'applications', href: `${CONSOLE_BASE}/applications`, roles: ['reviewer'] },
  { section: 'booths', href: `${CONSOLE_BASE}/booths`, roles: ['reviewer'] },
  { section: 'billing', href: `${CONSOLE_BASE}/billing`, roles: ['admin'] },
  { section: 'venue', href: `${CONSOLE_BASE}/venue`, roles: ['venue'] },
  { section: 'programme', href: `${CONSOLE_BASE}/programme`, roles: ['venue'] },
  { section: 'meetings', href: `${CONSOLE_BASE}/meetings`, roles: ['meetings'] },
  { section: 'attendees', href: `${CONSOLE_BASE}/attendees`, roles: ['onsite'] },
  { section: 'checkin', href: `${CONSOLE_BASE}/checkin`, roles: ['onsite'] },
  { section: 'mail', href: `${CONSOLE_BASE}/mail`, roles: ['admin'] },
  { section: 'queues', href: `${CONSOLE_BASE}/queues`, roles: ['admin'] },
  { section: 'team', href: `${CONSOLE_BASE}/team`, roles: ['admin'] },
  { section: 'audit', href: `${CONSOLE_BASE}/audit`, roles: [], target: 'organization' },
  { section: 'webhooks', href: `${CONSOLE_BASE}/webhooks`, roles: [], target: 'organization' },
];

/** The sections a logged-in organizer may open (all of them for an account without team access data). */
export function visibleSections(user: ConsoleContext['user']): typeof CONSOLE_SECTIONS {
  const access = user?.access;
  if (!access) return CONSOLE_SECTIONS;
  return CONSOLE_SECTIONS.filter((s) => staffMayAct(access, s.roles, s.target ?? 'any'));
}

type FrameWord = ConsoleSection | 'sections' | 'loggedInAs' | 'logout' | 'appName';

const WORDS: Catalogue<FrameWord> = {
  ko: {
    dashboard: '현황판', applications: '참가 신청', booths: '부스', billing: '청구·입금', venue: '대관', programme: '프로그램',
    meetings: '수출상담회', attendees: '참관객', checkin: '입장 확인', mail: '메일', queues: '작업 대기열', team: '팀', audit: '감사 기록', webhooks: '웹훅',
    sections: '콘솔 메뉴', loggedInAs: '{name} 님', logout: '로그아웃', appName: 'Fairgate 콘솔',
  },
  en: {
    dashboard: 'Dashboard', applications: 'Applications', booths: 'Booths', billing: 'Billing', venue: 'Venue', programme: 'Programme',
    meetings: 'Export meetings', attendees: 'Attendees', checkin: 'Check-in', mail: 'Mail', queues: 'Queues', team: 'Team', audit: 'Audit log', webhooks: 'Webhooks',
    sections: 'Console sections', loggedInAs: 'Signed in as {name}', logout: 'Log out', appName: 'Fairgate console',
  },
};

export interface ConsolePage {
  title: string;
  /** The section this page belongs to: marked in the navigation. */
  section: ConsoleSection;
  body: SafeHtml;
  /** Page-specific rules, added after the console stylesheet. */
  extraStyles?: string;
}

/** A console page in its frame. Without a logged-in user (the login page) the navigation is left out. */
export function renderConsolePage(ctx: ConsoleContext, page: ConsolePage): string {
  const t = translator(WORDS, ctx.lang);
  const nav = ctx.user
    ? html`<nav class="sections" aria-label="${t('sections')}"><ul>${visibleSections(ctx.user).map(
        (s) => html`<li><a href="${s.href}"${s.section === page.section ? html` aria-current="page"` : ''}>${t(s.section)}</a></li>`,
      )}</ul></nav>`
    : undefined;
  return renderPage({
    lang: ctx.lang,
    title: page.title,
    langHref: ctx.langHref,
    appName: t('appName'),
    homeHref: CONSOLE_BASE,
    headerExtra: loggedInHeader(ctx.user, { loggedInAs: ctx.user ? t('loggedInAs', { name: ctx.user.displayName }) : '', logout: t('logout') }),
    nav,
    body: page.body,
    extraStyles: page.extraStyles,
  });
}
