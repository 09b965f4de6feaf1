// The shell's command line: key files to load into the agent, as Pageant
// takes them. Relative paths mean the folder the command was typed in, which
// for a second instance is its own working directory (Electron passes it).
import { resolveCommandLinePath } from '../core/user-path';

/**
 * Key files among `argv` (after the executable, and the app folder in
 * development: `skip`): arguments that are not switches, made absolute.
 */
export function keyFileArguments(argv: string[], skip: number, cwd: string): string[] {
  return argv
    .slice(skip)
    .filter((arg) => arg !== '' && !arg.startsWith('-') && arg !== '.')
    .map((arg) => resolveCommandLinePath(arg, cwd));
}
