// build/installer.nsh compiles with NSIS (Debian's `nsis` package: makensis 3),
// inside a harness standing in for what electron-builder's installer script
// defines around it (APP_ID, isUpdated from the --updated switch). Skipped where
// makensis is not installed; electron-builder's own NSIS cannot be downloaded here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const makensis = spawnSync('makensis', ['-VERSION'], { encoding: 'utf8' }).status === 0;

const harness = (include: string) => `Unicode true
!include LogicLib.nsh
!include FileFunc.nsh
!define APP_ID "eu.iserv.fernwartung"
!define PRODUCT_NAME "Fernwartung"
!macro _isUpdated _a _b _t _f
  \${GetParameters} $R9
  ClearErrors
  \${GetOptions} $R9 "--updated" $R8
  IfErrors \`\${_f}\` \`\${_t}\`
!macroend
!define isUpdated \`"" isUpdated ""\`
!include "${include}"
OutFile "uninstall-check.exe"
RequestExecutionLevel user
Section
  WriteUninstaller "$EXEDIR\\uninstall.exe"
SectionEnd
Section "Uninstall"
  !insertmacro customUnInstall
SectionEnd
`;

describe.skipIf(!makensis)('NSIS include', () => {
  it('compiles into an uninstaller with makensis, warnings as errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fw-nsis-'));
    try {
      writeFileSync(join(dir, 'check.nsi'), harness(resolve('build/installer.nsh')));
      const result = spawnSync('makensis', ['-V2', '-WX', 'check.nsi'], { cwd: dir, encoding: 'utf8' });
      expect(result.status, result.stdout + result.stderr).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
