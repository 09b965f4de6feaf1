// An ssh config as OpenSSH reads it: each line tokenised, each `Include`
// replaced by the files it names, kept as a tree so an include inside a Host
// block stays inside that block (OpenSSH restores the block's state after the
// included file). Every file goes through readSourceFile, so a huge or binary
// include is refused like the file itself; nothing here throws.
import { realpath } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { ImportProblem } from '../../../shared/model/moving-in';
import { expandHome } from '../../core/user-path';
import { readSourceFile, type SourceFile } from '../source-file';
import { tokeniseConfigLine } from './config-lines';
import { expandIncludeGlob, isGlob } from './include-glob';
import { reportedKeyword } from './keywords';

export interface ConfigDirective {
  kind: 'directive';
  source: string;
  line: number;
  /** Lower case; `written` keeps the spelling for reports. */
  keyword: string;
  written: string;
  args: string[];
}

export interface ConfigInclude {
  kind: 'include';
  source: string;
  line: number;
  files: ConfigFile[];
}

export type ConfigEntry = ConfigDirective | ConfigInclude;

export interface ConfigFile {
  path: string;
  entries: ConfigEntry[];
}

/** OpenSSH's READCONF_MAX_DEPTH: an include chain deeper than this is an error there too. */
export const MAX_INCLUDE_DEPTH = 16;

/**
 * Included files per import, far above any real setup (a config.d of a few
 * dozen files). Each alias is evaluated over the whole tree, so a damaged
 * config naming the same files thousands of times took seconds to minutes.
 */
export const MAX_INCLUDED_FILES = 256;

export interface ReadConfigOptions {
  /** The home folder: `~` and relative includes (`~/.ssh/<name>`) resolve against it. */
  home: string;
  /** The file's content, when the caller has read it already (through readSourceFile). */
  bytes?: Buffer;
}

export async function readConfigFile(
  path: string,
  options: ReadConfigOptions,
): Promise<{ file: ConfigFile | null; problems: ImportProblem[] }> {
  const problems: ImportProblem[] = [];
  const reader = new IncludeReader(options.home, problems);
  const source: SourceFile = options.bytes ? { ok: true, bytes: options.bytes } : await readSourceFile(path);
  if (!source.ok) return { file: null, problems: [source.problem] };
  const file = await reader.parse(path, source.bytes, [await identity(path)]);
  return { file, problems };
}

class IncludeReader {
  /**
   * Each file is looked at once per import: a line naming the same file
   * thousands of times (a damaged config) costs no more reads than once.
   */
  private readonly identities = new Map<string, Promise<string>>();
  private readonly sources = new Map<string, Promise<SourceFile>>();
  private included = 0;

  constructor(
    private readonly home: string,
    private readonly problems: ImportProblem[],
  ) {}

  private once<T>(
    cache: Map<string, Promise<T>>,
    path: string,
    read: (path: string) => Promise<T>,
  ): Promise<T> {
    let found = cache.get(path);
    if (!found) {
      found = read(path);
      cache.set(path, found);
    }
    return found;
  }

  async parse(path: string, bytes: Buffer, chain: string[]): Promise<ConfigFile> {
    const entries: ConfigEntry[] = [];
    const lines = bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\n');
    for (const [index, text] of lines.entries()) {
      const line = index + 1;
      const parsed = tokeniseConfigLine(text);
      if (parsed.kind === 'blank') continue;
      if (parsed.kind === 'bad') {
        this.problems.push({
          source: path,
          line,
          code: 'sshConfig.badLine',
          params: { keyword: reportedKeyword(parsed.written) },
        });
        continue;
      }
      if (parsed.keyword !== 'include') {
        entries.push({ ...parsed, source: path, line });
        continue;
      }
      const files: ConfigFile[] = [];
      for (const arg of parsed.args) files.push(...(await this.include(arg, path, line, chain)));
      entries.push({ kind: 'include', source: path, line, files });
    }
    return { path, entries };
  }

  private async include(arg: string, source: string, line: number, chain: string[]): Promise<ConfigFile[]> {
    const report = (code: ImportProblem['code'], params: ImportProblem['params']) =>
      this.problems.push({ source, line, code, params });
    // `~user/…` would need another account's home folder, which we never look up.
    if (arg.startsWith('~') && arg !== '~' && !/^~[\\/]/.test(arg)) {
      report('sshConfig.includeUnreadable', { path: arg, reason: 'otherUser' });
      return [];
    }
    // OpenSSH anchors a relative include in ~/.ssh, for -F files as for ~/.ssh/config.
    const resolved = arg.startsWith('~')
      ? expandHome(arg, this.home)
      : isAbsolute(arg)
        ? arg
        : join(this.home, '.ssh', arg);
    // A pattern that matches nothing is silent in OpenSSH (an empty config.d is normal);
    // a literal path that is missing is reported, so a typo is seen.
    const paths = isGlob(resolved) ? await expandIncludeGlob(resolved) : [resolved];
    const files: ConfigFile[] = [];
    for (const path of paths) {
      if (chain.length > MAX_INCLUDE_DEPTH) {
        report('sshConfig.includeUnreadable', { path, reason: 'tooDeep' });
        continue;
      }
      const id = await this.once(this.identities, path, identity);
      if (chain.includes(id)) {
        report('sshConfig.includeLoop', { path });
        continue;
      }
      if (this.included >= MAX_INCLUDED_FILES) {
        report('sshConfig.includeUnreadable', { path, reason: 'tooMany' });
        continue;
      }
      const source = await this.once(this.sources, path, (file) => readSourceFile(file));
      if (!source.ok) {
        report('sshConfig.includeUnreadable', { path, reason: reasonOf(source.problem) });
        continue;
      }
      this.included += 1;
      files.push(await this.parse(path, source.bytes, [...chain, id]));
    }
    return files;
  }
}

/** Why the real path: `a` including `./link-to-a` is still a loop. */
async function identity(path: string): Promise<string> {
  return realpath(path).catch(() => path);
}

function reasonOf(problem: ImportProblem): string {
  if (problem.code === 'import.fileTooLarge') return 'tooLarge';
  if (problem.code === 'import.fileBinary') return 'binary';
  return String(problem.params.reason ?? 'unknown');
}
