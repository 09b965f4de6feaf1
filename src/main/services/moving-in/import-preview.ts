// Findings → what the import view shows: each profile, host key and key file
// with an id and whether it is new, already there, or would replace something.
import type { ImportPreview, PreviewStatus } from '../../../shared/contract/moving-in';
import type { ImportedHostKey, ImportFindings, ImportProblem } from '../../../shared/model/moving-in';
import type { Profile } from '../../../shared/model/profile';
import type { CandidateComparison } from '../../ssh/known-hosts';
import { profileCandidate, sameConnection, usableKeyPath } from './imported-profile';

/** How an imported key relates to the stored ones (see KnownHosts.compareAll). */
export type HostKeyComparison = CandidateComparison;

export interface PreviewContext {
  previewId: string;
  sources: string[];
  existingProfiles: Profile[];
  compareHostKeys: (keys: ImportedHostKey[]) => HostKeyComparison[];
  /** Key files the agent loads at start already. */
  loadedKeyPaths: ReadonlySet<string>;
  home: string;
}

/** What `import.apply` needs of a previewed item, kept in main (the view sends ids only). */
export interface PreviewItems {
  profiles: Map<string, { profile: Omit<Profile, 'id'>; status: PreviewStatus; replaces: Profile | null }>;
  hostKeys: Map<string, { hostKey: ImportedHostKey; status: PreviewStatus }>;
}

export function buildPreview(
  findings: ImportFindings,
  context: PreviewContext,
): { preview: ImportPreview; items: PreviewItems } {
  const items: PreviewItems = { profiles: new Map(), hostKeys: new Map() };
  const problems: ImportProblem[] = [...findings.problems];
  const preview: ImportPreview = {
    previewId: context.previewId,
    sources: context.sources,
    profiles: [],
    hostKeys: [],
    keyFiles: [],
    problems,
  };

  const takenNames = new Set<string>();
  for (const imported of findings.profiles) {
    const candidate = profileCandidate(imported, context.home);
    if (!candidate.ok) {
      problems.push(candidate.problem);
      continue;
    }
    const profile = { ...candidate.profile, name: uniqueName(candidate.profile.name, takenNames) };
    const duplicate = context.existingProfiles.find((p) => sameConnection(p, profile));
    const sameName = context.existingProfiles.find(
      (p) => p.name.toLowerCase() === profile.name.toLowerCase(),
    );
    const status: PreviewStatus = duplicate ? 'duplicate' : sameName ? 'conflict' : 'new';
    const id = `p${preview.profiles.length + 1}`;
    items.profiles.set(id, { profile, status, replaces: status === 'conflict' ? (sameName ?? null) : null });
    preview.profiles.push({
      id,
      status,
      existingName: status === 'conflict' ? (sameName?.name ?? null) : (duplicate?.name ?? null),
      profile: { ...imported, ...profile, notCarried: candidate.notCarried },
    });
  }

  const seenKeys = new Set<string>();
  const hostKeys = findings.hostKeys.filter((hostKey) => {
    const identity = [
      hostKey.host,
      hostKey.port,
      hostKey.hashedHost,
      hostKey.keyType,
      hostKey.keyBase64,
    ].join(' ');
    if (seenKeys.has(identity)) return false;
    seenKeys.add(identity);
    return true;
  });
  // All at once: the stored keys are read once, not once per imported line.
  const comparisons = context.compareHostKeys(hostKeys);
  for (const [index, hostKey] of hostKeys.entries()) {
    const compared = comparisons[index]!;
    if (compared.status === 'invalid') {
      problems.push({
        source: hostKey.origin.source,
        line: hostKey.origin.line,
        code: 'knownHosts.badKey',
        params: { hosts: hostKey.host ?? hostKey.hashedHost ?? '' },
      });
      continue;
    }
    const status: PreviewStatus = compared.status === 'same' ? 'duplicate' : compared.status;
    const id = `h${preview.hostKeys.length + 1}`;
    items.hostKeys.set(id, { hostKey, status });
    preview.hostKeys.push({ id, status, existingFingerprint: compared.existingFingerprint, hostKey });
  }

  const seenFiles = new Map<string, number>();
  for (const keyFile of findings.keyFiles) {
    const path = usableKeyPath(keyFile.path, context.home);
    const shown = path || keyFile.path;
    const index = seenFiles.get(shown);
    if (index !== undefined) {
      const existing = preview.keyFiles[index]!;
      existing.keyFile.usedBy = [...new Set([...existing.keyFile.usedBy, ...keyFile.usedBy])];
      continue;
    }
    seenFiles.set(shown, preview.keyFiles.length);
    preview.keyFiles.push({
      id: `k${preview.keyFiles.length + 1}`,
      status: !path ? 'missing' : context.loadedKeyPaths.has(path) ? 'loaded' : 'new',
      keyFile: { path: shown, usedBy: keyFile.usedBy },
    });
  }
  return { preview, items };
}

/** Two sessions of one source may share a name once trimmed and cut; the second gets "(2)". */
function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) candidate = `${name.slice(0, 94)} (${n})`;
  taken.add(candidate.toLowerCase());
  return candidate;
}
