// Who may talk to the headless host: only this machine's browser. Checks Host
// (against DNS rebinding) and Origin (against other sites' pages) on every
// request and upgrade. The token is not checked here: the page's files are
// the app's public code, the same for everyone, and hold no secret, so they
// are served without it; the bridge asks for it as its first message
// (bridge-token.ts), which is where the user's data and the agent are.

export interface GuardConfig {
  port: number;
}

export interface RequestFacts {
  host: string | undefined;
  origin: string | undefined;
  /** WebSocket upgrades must carry an Origin. */
  upgrade: boolean;
}

export type GuardVerdict = { allow: true } | { allow: false; reason: 'host' | 'origin' };

function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function checkRequest(facts: RequestFacts, config: GuardConfig): GuardVerdict {
  const hosts = allowedHosts(config.port);
  if (!facts.host || !hosts.includes(facts.host.toLowerCase())) return { allow: false, reason: 'host' };
  const origins = hosts.map((h) => `http://${h}`);
  if (facts.origin !== undefined || facts.upgrade) {
    if (!facts.origin || !origins.includes(facts.origin.toLowerCase()))
      return { allow: false, reason: 'origin' };
  }
  return { allow: true };
}
