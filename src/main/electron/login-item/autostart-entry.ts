// The XDG autostart file on Linux (`$XDG_CONFIG_HOME/autostart/fernwartung.desktop`):
// which program it starts and the file's text. Quoting follows the Desktop
// Entry Specification ("The Exec key"): an argument with a reserved character
// is put in double quotes, inside which `"`, `` ` ``, `$` and `\` take a
// backslash; `%` is doubled (field codes); and since the value is also a
// string, whose own escape rule applies first, every backslash is doubled
// again (a literal `\` in a quoted argument is written `\\\\`).

const RESERVED = /[\s"'\\><~|&;$*?#()`]/;

export interface LaunchFacts {
  /** `process.execPath`; in an AppImage a temporary mount that is gone after the next login. */
  execPath: string;
  /** `process.env.APPIMAGE`: the AppImage file itself, when running as one. */
  appImage?: string;
  /** `app.isPackaged`; unpackaged, Electron needs the app's folder as first argument. */
  isPackaged: boolean;
  /** `app.getAppPath()`. */
  appPath: string;
}

/** The program and the arguments before ours that start this same app again. */
export function launchCommand(facts: LaunchFacts): { program: string; args: string[] } {
  if (facts.appImage) return { program: facts.appImage, args: [] };
  return { program: facts.execPath, args: facts.isPackaged ? [] : [facts.appPath] };
}

/** One argument of an `Exec` value, quoted and escaped as the specification asks. */
export function quoteExecArgument(argument: string): string {
  // A line break or other control character cannot be written in a desktop entry at all.
  const control = [...argument].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
  if (argument === '' || control) {
    throw new Error('autostart: an argument is empty or holds a control character');
  }
  const fieldCodesEscaped = argument.replaceAll('%', '%%');
  const quoted = RESERVED.test(argument)
    ? `"${fieldCodesEscaped.replace(/["`$\\]/g, (c) => `\\${c}`)}"`
    : fieldCodesEscaped;
  // The string type's own escape rule, applied by readers before the quoting rule.
  return quoted.replaceAll('\\', '\\\\');
}

export function execLine(program: string, args: readonly string[]): string {
  return [program, ...args].map(quoteExecArgument).join(' ');
}

/** The whole `.desktop` file. `name` is the product name shown in the session's autostart list. */
export function autostartEntry(options: { name: string; program: string; args: readonly string[] }): string {
  const name = options.name.replace(/[\r\n]/g, ' ');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    `Name=${name}`,
    `Exec=${execLine(options.program, options.args)}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}
