// ~/.ssh/config (or a file the user picks) to findings: one profile per
// concrete Host alias, its settings evaluated as OpenSSH would for `ssh
// <alias>` (alias-profile.ts). Blocks with wildcards and Match blocks are
// reported, not offered. `home` stands in for the user's home folder
// everywhere (tests and the headless host never read the real one).
import { emptyFindings, type ImportFindings, type ImportProblem } from '../../../shared/model/moving-in';
import { expandHome } from '../../core/user-path';
import { importAlias } from './alias-profile';
import { surveyBlocks } from './config-blocks';
import { readConfigFile } from './config-file';

export interface SshConfigImportOptions {
  home: string;
  /** The file's content, when the caller has read it already (no second read). */
  bytes?: Buffer;
}

export async function importSshConfig(
  path: string,
  options: SshConfigImportOptions,
): Promise<ImportFindings> {
  const findings = emptyFindings();
  const { file, problems } = await readConfigFile(expandHome(path, options.home), options);
  findings.problems.push(...problems);
  if (!file) return findings;

  const survey = surveyBlocks(file);
  findings.problems.push(...survey.problems);
  // Sets: thousands of aliases naming one key file made a list searched per alias quadratic.
  const keyFiles = new Map<string, Set<string>>();
  for (const origin of survey.aliases) {
    const imported = importAlias(origin, file, options.home, findings.problems);
    if (!imported) continue;
    findings.profiles.push(imported.profile);
    for (const path of imported.keyFiles) {
      keyFiles.set(path, (keyFiles.get(path) ?? new Set()).add(imported.profile.name));
    }
  }
  for (const [path, usedBy] of keyFiles) findings.keyFiles.push({ path, usedBy: [...usedBy] });
  findings.problems = inReadingOrder(withoutRepeats(findings.problems));
  return findings;
}

/** A bad line reached from several aliases is one problem. */
function withoutRepeats(problems: ImportProblem[]): ImportProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = JSON.stringify([problem.source, problem.line, problem.code, problem.params]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Problems by file (in the order the files were met) and line, as the user reads the config. */
function inReadingOrder(problems: ImportProblem[]): ImportProblem[] {
  const files = [...new Set(problems.map((problem) => problem.source))];
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort(
      (a, b) =>
        files.indexOf(a.problem.source) - files.indexOf(b.problem.source) ||
        (a.problem.line ?? 0) - (b.problem.line ?? 0) ||
        a.index - b.index,
    )
    .map(({ problem }) => problem);
}
