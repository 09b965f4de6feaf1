// Moving in: what the importers found in PuTTY's sessions and host keys and in
// OpenSSH's config and known_hosts, before anything is stored. The importers
// (src/main/moving-in/) produce `ImportFindings`; the service turns them into a
// preview with duplicates marked; the user picks what to import.
import { z } from 'zod';
import { profileKinds } from './profile';

/** Why something in a source was not offered, or could not carry over. One code per reason. */
export const importProblemCodes = [
  // The file itself. params: {reason} | {limitMiB}
  'import.fileUnreadable',
  'import.fileTooLarge',
  'import.fileBinary',
  // Neither a registry export, an ssh config nor a known_hosts file.
  'import.notRecognised',
  // Registry export (.reg). params: {name} for a value.
  'reg.notRegistryExport',
  'reg.truncated',
  'reg.badLine',
  'reg.badValue',
  // PuTTY sessions. params: {session, ...}
  'putty.notSsh', // {session, protocol}: telnet, raw, rlogin, serial
  'putty.proxyUnsupported', // {session, method}: SOCKS, HTTP, telnet, other commands
  'putty.noHost', // {session}
  'putty.registryUnreadable', // {reason}: reg.exe could not export PuTTY's key (Windows)
  // PuTTY host keys. params: {name} (the value name `<type>@<port>:<host>`)
  'putty.hostKeyUnreadable',
  'putty.hostKeyTypeUnsupported', // {name, type}
  // OpenSSH config. params: {path} for files, {line text} never (may hold secrets): {keyword}
  'sshConfig.badLine', // {keyword}
  'sshConfig.includeLoop', // {path}
  'sshConfig.includeUnreadable', // {path, reason}
  'sshConfig.wildcardBlock', // {patterns, settings}: settings seen, applied to matching hosts, not a profile
  'sshConfig.matchBlock', // {criteria}: Match blocks are not evaluated
  'sshConfig.multiHop', // {host, jump}: more than one jump host
  'sshConfig.jumpUnreadable', // {host, jump}
  // known_hosts. params: {hosts} where a line names them
  'knownHosts.badLine',
  'knownHosts.badKey',
  'knownHosts.revoked', // {hosts, fingerprint}: reported, not trusted
  'knownHosts.certAuthority', // {hosts}: reported, not trusted
  'knownHosts.pattern', // {pattern}: wildcard or negated host patterns are not imported
  // Found, but not valid for the app (service). params: {name, field}
  'profile.invalid',
  // A jump to a domain name the Backupserver rule would complete to backup.<name>:
  // the app would connect elsewhere than the source did. params: {name, host, backupHost}
  'profile.jumpTargetRenamed',
] as const;
export type ImportProblemCode = (typeof importProblemCodes)[number];

/** A file path, or `registry` for PuTTY's keys read from the Windows registry. */
const sourceName = z.string().max(4096);
const lineNumber = z.number().int().min(1).nullable();

export const importProblemSchema = z.object({
  source: sourceName,
  /** 1-based line in the source, null where there is none (the registry, a whole file). */
  line: lineNumber,
  code: z.enum(importProblemCodes),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

export const importOriginSchema = z.object({
  source: sourceName,
  line: lineNumber,
  /** The PuTTY session name (unescaped) or the ssh config `Host` alias. */
  name: z.string().max(512),
});
export type ImportOrigin = z.infer<typeof importOriginSchema>;

/** A setting the source has that the app keeps elsewhere or not at all: shown, not carried. */
export const notCarriedSchema = z.object({
  setting: z.string().max(100),
  /** Long enough for a key file's path (fileMissing). */
  value: z.string().max(4096),
  /**
   * appSetting: the app has it once for all connections (keepalive);
   * alwaysSent: the app does it anyway (EMAIL); unsupported: the app has no such thing;
   * fileMissing: a key file that is not on this computer.
   */
  reason: z.enum(['appSetting', 'alwaysSent', 'unsupported', 'fileMissing']),
});
export type NotCarried = z.infer<typeof notCarriedSchema>;

/** A saved session or Host block as a profile would hold it; checked by the service, not here. */
export const importedProfileSchema = z.object({
  origin: importOriginSchema,
  kind: z.enum(profileKinds),
  name: z.string().max(512),
  host: z.string().max(1024),
  port: z.number().int(),
  /** Backupserver: the jump host; '' for a Portalserver. */
  portalHost: z.string().max(1024),
  portalPort: z.number().int(),
  user: z.string().max(256),
  /** As written in the source (`~` kept); '' for none. */
  keyPath: z.string().max(4096),
  agentForwarding: z.boolean(),
  notCarried: z.array(notCarriedSchema),
});
export type ImportedProfile = z.infer<typeof importedProfileSchema>;

/**
 * A host key from PuTTY's cache or a known_hosts line. Plain entries name host
 * and port; OpenSSH's hashed entries (`|1|salt|hash`) hide both and are matched
 * when the host is contacted.
 */
export const importedHostKeySchema = z.object({
  origin: z.object({ source: sourceName, line: lineNumber }),
  host: z.string().max(1024).nullable(),
  port: z.number().int().min(1).max(65535).nullable(),
  hashedHost: z.string().max(256).nullable(),
  keyType: z.string().max(64),
  keyBase64: z.string().max(16384),
  fingerprint: z.string().max(64),
});
export type ImportedHostKey = z.infer<typeof importedHostKeySchema>;

/** A private key file a source refers to (PuTTY's PublicKeyFile, OpenSSH's IdentityFile). */
export const importedKeyFileSchema = z.object({
  path: z.string().max(4096),
  /** Profile names that use it. */
  usedBy: z.array(z.string().max(512)),
});
export type ImportedKeyFile = z.infer<typeof importedKeyFileSchema>;

export interface ImportFindings {
  profiles: ImportedProfile[];
  hostKeys: ImportedHostKey[];
  keyFiles: ImportedKeyFile[];
  problems: ImportProblem[];
}

export function emptyFindings(): ImportFindings {
  return { profiles: [], hostKeys: [], keyFiles: [], problems: [] };
}

export function mergeFindings(...all: ImportFindings[]): ImportFindings {
  return {
    profiles: all.flatMap((f) => f.profiles),
    hostKeys: all.flatMap((f) => f.hostKeys),
    keyFiles: all.flatMap((f) => f.keyFiles),
    problems: all.flatMap((f) => f.problems),
  };
}
