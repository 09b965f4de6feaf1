// Where an import reads from: a picked file (its content says which importer),
// or "this computer": PuTTY's registry on Windows and `~/.ssh` everywhere.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportSource } from '../../../shared/contract/moving-in';
import { emptyFindings, mergeFindings, type ImportFindings } from '../../../shared/model/moving-in';
import { detectSourceKind } from '../../moving-in/detect-source';
import { importKnownHosts } from '../../moving-in/openssh/known-hosts-file';
import { importSshConfig } from '../../moving-in/openssh/config-import';
import { importPuttyRegFile, importPuttyRegistry } from '../../moving-in/putty';
import type { PuttyRegistry } from '../../moving-in/putty/registry-source';
import { readSourceFile } from '../../moving-in/source-file';

export interface SourceContext {
  /** The home folder whose `.ssh` is read (the headless host's `--home` in tests). */
  home: string;
  /** PuTTY's registry, on Windows only. */
  registry?: PuttyRegistry;
}

export interface ReadSources {
  /** What was read, for the preview's header. */
  sources: string[];
  findings: ImportFindings;
}

export async function readImportSource(source: ImportSource, context: SourceContext): Promise<ReadSources> {
  if ('file' in source)
    return { sources: [source.file], findings: await readPickedFile(source.file, context) };
  const sources: string[] = [];
  const all: ImportFindings[] = [];
  if (context.registry) {
    sources.push('registry');
    all.push(await importPuttyRegistry(context.registry));
  }
  // Missing files are normal here (no OpenSSH set up): nothing to report.
  for (const file of [join(context.home, '.ssh', 'config'), join(context.home, '.ssh', 'known_hosts')]) {
    if (!existsSync(file)) continue;
    sources.push(file);
    all.push(await readPickedFile(file, context));
  }
  return { sources, findings: mergeFindings(...all) };
}

async function readPickedFile(path: string, context: SourceContext): Promise<ImportFindings> {
  const read = await readSourceFile(path);
  if (!read.ok) return { ...emptyFindings(), problems: [read.problem] };
  switch (detectSourceKind(read.bytes)) {
    case 'puttyReg':
      return importPuttyRegFile(read.bytes, path);
    case 'knownHosts':
      return importKnownHosts(read.bytes.toString('utf8'), path);
    case 'sshConfig':
      return importSshConfig(path, { home: context.home, bytes: read.bytes });
    default:
      return {
        ...emptyFindings(),
        problems: [{ source: path, line: null, code: 'import.notRecognised', params: {} }],
      };
  }
}
