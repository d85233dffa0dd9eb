import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/** Where a webhook may point: https (http only when allowed), no credentials, no private address. */
export interface WebhookUrlRules {
  allowHttp: boolean;
  allowPrivate: boolean;
}

/**
 * Addresses a webhook may not reach (SSRF): loopback, private, link-local (cloud metadata at
 * 169.254.169.254), carrier-grade NAT, "this network", multicast and reserved, in IPv4 and IPv6.
 */
const BLOCKED = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) BLOCKED.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96]] as const) {
  BLOCKED.addSubnet(net, bits, 'ipv6');
}

/** True when `address` (an IP literal) is one a webhook may not reach. IPv4-mapped IPv6 counts as its IPv4. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return BLOCKED.check(mapped[1], 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return BLOCKED.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** What can be wrong with a webhook URL; pages word each in their language. */
export type UrlProblem = 'invalid' | 'scheme' | 'credentials' | 'fragment' | 'private' | 'unresolvable';

export const URL_PROBLEM_MESSAGES: Record<UrlProblem, string> = {
  invalid: 'The URL is not a valid absolute URL such as https://crm.example.com/hooks/fairgate.',
  scheme: 'The URL must start with https://.',
  credentials: 'The URL must not contain a user name or password; authenticate the payload by its signature.',
  fragment: 'The URL must not contain a #fragment.',
  private: 'The URL points at a private, loopback or link-local address; webhooks go to public addresses only.',
  unresolvable: 'The host name of the URL does not resolve.',
};

/** Why `raw` cannot be a webhook URL by its form alone, or null when its form is fine. */
export function urlFormProblem(raw: string, rules: WebhookUrlRules): UrlProblem | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'invalid';
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && rules.allowHttp)) return 'scheme';
  if (url.username || url.password) return 'credentials';
  if (url.hash) return 'fragment';
  const host = bareHost(url);
  if (!rules.allowPrivate && (host === 'localhost' || host.endsWith('.localhost') || (isIP(host) !== 0 && isPrivateAddress(host)))) return 'private';
  return null;
}

/** The host of `url` without IPv6 brackets. */
export function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * A `lookup` for http.request that refuses private answers: the address connected to is the one
 * checked, so a name that resolves to a public address when saved and a private one later (DNS
 * rebinding) is refused at delivery time.
 */
export function guardedLookup(rules: WebhookUrlRules): typeof dnsLookup {
  const guarded = (hostname: string, options: unknown, callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void): void => {
    dnsLookup(hostname, { ...(options as object), all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const allowed = rules.allowPrivate ? addresses : addresses.filter((a) => !isPrivateAddress(a.address));
      if (allowed.length === 0) {
        return callback(Object.assign(new Error(`${hostname} resolves to a private address (${addresses.map((a) => a.address).join(', ')}); refused`), { code: 'EPRIVATEADDRESS' }), '', 0);
      }
      if ((options as { all?: boolean } | undefined)?.all) return callback(null, allowed);
      callback(null, allowed[0].address, allowed[0].family);
    });
  };
  return guarded as unknown as typeof dnsLookup;
}
