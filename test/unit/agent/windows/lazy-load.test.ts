// koffi (a native module) must never be loaded off Windows: the platform is
// imported lazily, only on win32. 'koffi' is mocked here to count imports.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
// Everything the agent imports for Windows at start-up, statically:
import '../../../../src/main/agent/transport/windows/pageant-pipe-name';
import '../../../../src/main/agent/transport/windows/pipe-server';
import { loadWindowsPlatform } from '../../../../src/main/agent/transport/windows/platform';
import { pageantPipeName } from '../../../../src/main/agent/transport/windows/pageant-pipe-name';

const imports = vi.hoisted(() => ({ koffi: 0 }));
vi.mock('koffi', async () => {
  imports.koffi++;
  const { fakeKoffi } = await import('./fake-koffi');
  return { default: fakeKoffi({ upn: 'lazy@example.org' }).koffi };
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('koffi is loaded only on Windows', () => {
  it('off win32: loadWindowsPlatform refuses and koffi is never imported; on win32 it is, once', async () => {
    await expect(loadWindowsPlatform('linux')).rejects.toMatchObject({ code: 'agent.platformUnsupported' });
    await expect(loadWindowsPlatform('darwin')).rejects.toMatchObject({ code: 'agent.platformUnsupported' });
    expect(imports.koffi).toBe(0);

    // The same path on "win32" does import it (here: the mock), so the count above means something.
    const platform = await loadWindowsPlatform('win32');
    expect(imports.koffi).toBe(1);
    expect(pageantPipeName(platform)).toMatch(/^\\\\\.\\pipe\\pageant\.lazy\.[0-9a-f]{64}$/);
  });

  it('no source file imports koffi or the win32 modules statically', () => {
    const root = join(import.meta.dirname, '../../../../src');
    const offenders: string[] = [];
    const koffiUsers: string[] = [];
    for (const file of sourceFiles(root)) {
      const text = readFileSync(file, 'utf8');
      const name = relative(root, file).replace(/\\/g, '/');
      if (/(\bfrom\s*|\bimport\s*\(\s*)['"]koffi['"]/.test(text)) koffiUsers.push(name);
      // A value import (not `import type`) of koffi or the win32 files would load them eagerly.
      if (/^\s*import\s+(?!type\b)[^;]*?from\s+['"](koffi|[^'"]*\/win32-(platform|koffi))['"]/m.test(text)) {
        offenders.push(name);
      }
    }
    expect(offenders).toEqual([]);
    expect(koffiUsers).toEqual(['main/agent/transport/windows/win32-koffi.ts']);
  });
});
