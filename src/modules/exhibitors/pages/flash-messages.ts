import type { Notice } from './exhibitor-pages.view';
import type { ExhibitorMessageKey, ExhibitorT } from './messages';

/** Flashes a redirect may name (?flash=), each with its message; anything else is ignored. */
const FLASHES = {
  'logged-out': { ok: true, key: 'loggedOut' },
  confirmed: { ok: true, key: 'confirmed' },
  'password-reset': { ok: true, key: 'resetDone' },
  joined: { ok: true, key: 'joined' },
  resent: { ok: true, key: 'resent' },
  saved: { ok: true, key: 'saved' },
  submitted: { ok: true, key: 'submitted' },
  cancelled: { ok: true, key: 'cancelled' },
  uploaded: { ok: true, key: 'uploaded' },
  invited: { ok: true, key: 'invitedFlash' },
} as const satisfies Record<string, { ok: boolean; key: ExhibitorMessageKey }>;

export function flashOf(t: ExhibitorT, name: unknown, params?: Record<string, string>): Notice | undefined {
  if (typeof name !== 'string' || !(name in FLASHES)) return undefined;
  const f = FLASHES[name as keyof typeof FLASHES];
  return { ok: f.ok, text: t(f.key, params) };
}
