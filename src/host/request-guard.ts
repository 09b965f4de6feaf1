// Who may talk to the headless host: only this machine's browser, only with
// the token. Checks Host (against DNS rebinding), Origin (against other
// sites' pages) and the token (query once, then an HttpOnly cookie).
import { timingSafeEqual } from 'node:crypto';

export const TOKEN_COOKIE = 'fw_token';

export interface GuardConfig {
  port: number;
  token: string;
}

export interface RequestFacts {
  host: string | undefined;
  origin: string | undefined;
  cookie: string | undefined;
  /** Path and query, as in the request line. */
  url: string;
  /** WebSocket upgrades must carry an Origin. */
  upgrade: boolean;
}

export type GuardVerdict =
  | { allow: true; via: 'cookie' }
  /** The token came in the query: set the cookie and redirect to a clean URL. */
  | { allow: true; via: 'query'; cleanUrl: string }
  | { allow: false; reason: 'host' | 'origin' | 'token' };

function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

function sameToken(given: string | undefined | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

export function checkRequest(facts: RequestFacts, config: GuardConfig): GuardVerdict {
  const hosts = allowedHosts(config.port);
  if (!facts.host || !hosts.includes(facts.host.toLowerCase())) return { allow: false, reason: 'host' };
  const origins = hosts.map((h) => `http://${h}`);
  if (facts.origin !== undefined || facts.upgrade) {
    if (!facts.origin || !origins.includes(facts.origin.toLowerCase()))
      return { allow: false, reason: 'origin' };
  }
  if (sameToken(readCookie(facts.cookie, TOKEN_COOKIE), config.token)) return { allow: true, via: 'cookie' };
  const url = new URL(facts.url, 'http://127.0.0.1');
  if (!facts.upgrade && sameToken(url.searchParams.get('token'), config.token)) {
    url.searchParams.delete('token');
    return { allow: true, via: 'query', cleanUrl: `${url.pathname}${url.search}` };
  }
  return { allow: false, reason: 'token' };
}
