// Types for system-tools.mjs, for the unit tests that import it from TypeScript.
export interface SystemTool {
  name: string;
  /** An absolute path that must exist, or a command looked up in PATH. */
  find: string;
  package: string;
}

export type SystemToolsPlan =
  | { action: 'none' }
  | { action: 'install'; packages: string[] }
  | { action: 'stop'; command: string | null; message: string };

export function systemTools(env?: NodeJS.ProcessEnv): SystemTool[];
export function findMissingTools(tools?: SystemTool[], env?: NodeJS.ProcessEnv): SystemTool[];
export function planSystemTools(input: {
  missing: string[];
  isRoot: boolean;
  osRelease: string | null;
}): SystemToolsPlan;
export function ensureSystemTools(options?: {
  env?: NodeJS.ProcessEnv;
  isRoot?: boolean;
  osRelease?: string | null;
  log?: (line: string) => void;
}): { ok: true } | { ok: false; message: string };
