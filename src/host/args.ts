// Command line of the headless host.
import { parseArgs } from 'node:util';

export interface HostArgs {
  port: number;
  dataDir?: string;
  /** Key files to load into the agent at start, as Pageant takes them. */
  keyFiles: string[];
  /** The agent's UNIX socket; default `<data dir>/agent/agent.sock`. */
  agentSocket?: string;
  /** The home folder "this computer" imports read (`~/.ssh`); tests pass a temp folder. */
  home?: string;
  /** Milliseconds a session whose browser tab went away waits to be attached again; the backend's default otherwise. */
  sessionGraceMs?: number;
}

export function parseHostArgs(argv: string[]): HostArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      'agent-socket': { type: 'string' },
      home: { type: 'string' },
      'session-grace-ms': { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port: not a port: ${values.port}`);
  const grace = values['session-grace-ms'];
  const sessionGraceMs = grace === undefined ? undefined : Number(grace);
  if (sessionGraceMs !== undefined && !(Number.isInteger(sessionGraceMs) && sessionGraceMs >= 0))
    throw new Error(`--session-grace-ms: not a number of milliseconds: ${grace}`);
  return {
    port,
    sessionGraceMs,
    dataDir: values['data-dir'],
    keyFiles: positionals,
    agentSocket: values['agent-socket'],
    home: values.home,
  };
}
