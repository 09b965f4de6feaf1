// The blocks of a config as the reader sees them, for the report: each
// concrete alias once (it becomes a profile), each block with wildcards or a
// Match once (not profiles; the user is told what they set). Lines before the
// first Host line belong to an implicit `Host *`.
import type { ImportProblem } from '../../../shared/model/moving-in';
import type { ConfigDirective, ConfigFile } from './config-file';
import { hasWildcard, isConcretePattern } from './host-patterns';
import { canonicalKeyword } from './keywords';

export interface AliasOrigin {
  alias: string;
  source: string;
  line: number;
}

export interface ConfigSurvey {
  aliases: AliasOrigin[];
  problems: ImportProblem[];
}

interface Block {
  kind: 'host' | 'match';
  source: string;
  line: number;
  args: string[];
  settings: string[];
}

export function surveyBlocks(root: ConfigFile): ConfigSurvey {
  const blocks: Block[] = [];
  const seenLines = new Set<string>();
  const implicit: Block = { kind: 'host', source: root.path, line: 0, args: ['*'], settings: [] };
  const visit = (file: ConfigFile, current: Block) => {
    let block = current;
    for (const entry of file.entries) {
      if (entry.kind === 'include') {
        for (const included of entry.files) visit(included, block);
        continue;
      }
      if (entry.keyword === 'host' || entry.keyword === 'match') {
        block = {
          kind: entry.keyword,
          source: entry.source,
          line: entry.line,
          args: entry.args,
          settings: [],
        };
        // The same file included twice shows its blocks once.
        const key = `${entry.source}\n${entry.line}`;
        if (!seenLines.has(key)) blocks.push(block);
        seenLines.add(key);
        continue;
      }
      noteSetting(block, entry);
    }
  };
  visit(root, implicit);

  const aliases: AliasOrigin[] = [];
  const seenAliases = new Set<string>();
  const problems: ImportProblem[] = [];
  const report = (block: Block, code: ImportProblem['code'], params: ImportProblem['params']) =>
    problems.push({ source: block.source, line: block.line || null, code, params });
  for (const block of [implicit, ...blocks]) {
    if (block.kind === 'match') {
      report(block, 'sshConfig.matchBlock', { criteria: matchCriteria(block.args) });
      continue;
    }
    for (const pattern of block.args) {
      if (isConcretePattern(pattern)) {
        if (!seenAliases.has(pattern))
          aliases.push({ alias: pattern, source: block.source, line: block.line });
        seenAliases.add(pattern);
      } else if (!hasWildcard(pattern) && !pattern.startsWith('!')) {
        // `Host a,b` is one pattern to OpenSSH and matches neither a nor b.
        report(block, 'sshConfig.badLine', { keyword: 'Host', pattern });
      }
    }
    const wildcard = block.args.some((pattern) => hasWildcard(pattern) && !pattern.startsWith('!'));
    if (wildcard && block.settings.length > 0)
      report(block, 'sshConfig.wildcardBlock', {
        patterns: block.args.join(' '),
        settings: block.settings.join(', '),
      });
  }
  return { aliases, problems };
}

function noteSetting(block: Block, entry: ConfigDirective): void {
  // Unknown words are left out: they may not be keywords at all (see keywords.ts).
  const keyword = canonicalKeyword(entry.keyword);
  if (keyword === null || block.settings.includes(keyword)) return;
  // The implicit block has no line of its own: it is reported at its first setting.
  if (block.line === 0 && block.settings.length === 0) {
    block.source = entry.source;
    block.line = entry.line;
  }
  block.settings.push(keyword);
}

/**
 * Criterion names, and the patterns of `host`/`originalhost`; never the
 * arguments of `exec` and the like, which are commands and may hold secrets.
 */
function matchCriteria(args: readonly string[]): string {
  const words: string[] = [];
  const takesArgument = new Set([
    'host',
    'originalhost',
    'user',
    'localuser',
    'localnetwork',
    'exec',
    'tagged',
  ]);
  for (let i = 0; i < args.length; i++) {
    const name = args[i]!.toLowerCase();
    const negated = name.startsWith('!');
    const bare = negated ? name.slice(1) : name;
    words.push(name);
    if (!takesArgument.has(bare)) continue;
    const value = args[++i];
    if ((bare === 'host' || bare === 'originalhost') && value !== undefined) words.push(value);
  }
  return words.join(' ');
}
