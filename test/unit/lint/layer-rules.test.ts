// The layer rules of eslint.config.js, shown failing on files that break them.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules', () => {
  it('forbids electron outside src/main/electron and src/preload', async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    expect(await restrictedImports('src/main/ssh/uses-electron.ts', code)).toEqual([
      expect.stringContaining('Only src/main/electron/ and src/preload/ may import electron'),
    ]);
    expect(await restrictedImports('src/renderer/uses-electron.ts', code)).toHaveLength(1);
    expect(await restrictedImports('src/host/uses-electron.ts', code)).toHaveLength(1);
    expect(await restrictedImports('src/main/electron/ok.ts', code)).toEqual([]);
    expect(await restrictedImports('src/preload/ok.ts', code)).toEqual([]);
  });

  it('lets the renderer import only src/shared of the project', async () => {
    const fromMain =
      "import { createBackend } from '../main/app/backend';\nexport const b = createBackend;\n";
    expect(await restrictedImports('src/renderer/bad.ts', fromMain)).toEqual([
      expect.stringContaining('The renderer knows only the contract'),
    ]);
    const fromNode = "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n";
    expect(await restrictedImports('src/renderer/bad.ts', fromNode)).toHaveLength(1);
    const fromShared = "import { calls } from '../shared/contract';\nexport const c = calls;\n";
    expect(await restrictedImports('src/renderer/good.ts', fromShared)).toEqual([]);
  });

  it('keeps src/shared free of the other layers and src/main free of the host', async () => {
    const code = "import { startHostServer } from '../host/server';\nexport const s = startHostServer;\n";
    expect(await restrictedImports('src/main/app/bad.ts', code)).toHaveLength(1);
    expect(
      await restrictedImports(
        'src/shared/bad.ts',
        "import { AppError } from '../main/core/app-error';\nexport const e = AppError;\n",
      ),
    ).toHaveLength(1);
  });
});
