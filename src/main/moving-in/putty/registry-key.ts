// A registry key as the PuTTY importer reads it, whether from a .reg file or
// from the Windows registry itself, so one mapping serves both.

export type RegistryValue =
  | { kind: 'string'; value: string; line: number | null }
  | { kind: 'dword'; value: number; line: number | null }
  /** `hex:` (REG_BINARY) and `hex(n):` (any other type n); PuTTY writes none, so they are kept raw. */
  | { kind: 'hex'; type: number; bytes: Uint8Array; line: number | null };

export interface RegistryKey {
  /** As written, e.g. `HKEY_CURRENT_USER\Software\SimonTatham\PuTTY\Sessions\Schule%20M%FCnchen`. */
  path: string;
  /** 1-based line of the key in a .reg file; null for the registry. */
  line: number | null;
  /** Value name as written (`''` for the default value `@`) → value. */
  values: Map<string, RegistryValue>;
}

/** Registry value names are case-insensitive: `hostname` is PuTTY's `HostName`. */
export function valueOf(key: RegistryKey, name: string): RegistryValue | undefined {
  const exact = key.values.get(name);
  if (exact) return exact;
  const wanted = name.toLowerCase();
  for (const [candidate, value] of key.values) if (candidate.toLowerCase() === wanted) return value;
  return undefined;
}

export function stringValue(key: RegistryKey, name: string): string | undefined {
  const value = valueOf(key, name);
  return value?.kind === 'string' ? value.value : undefined;
}

export function dwordValue(key: RegistryKey, name: string): number | undefined {
  const value = valueOf(key, name);
  return value?.kind === 'dword' ? value.value : undefined;
}

/** A copy without line numbers: lines of a temporary export mean nothing to the user. */
export function withoutLines(key: RegistryKey): RegistryKey {
  const values = new Map<string, RegistryValue>();
  for (const [name, value] of key.values) values.set(name, { ...value, line: null });
  return { path: key.path, line: null, values };
}
