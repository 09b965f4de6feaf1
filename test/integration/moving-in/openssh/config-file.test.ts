import { symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MAX_INCLUDE_DEPTH,
  readConfigFile,
  type ConfigFile,
} from '../../../../src/main/moving-in/openssh/config-file';
import { tempHome } from './temp-home';

/** Every directive in reading order as `file:line keyword value`, includes expanded in place. */
function flat(file: ConfigFile | null): string[] {
  if (!file) return [];
  return file.entries.flatMap((entry) =>
    entry.kind === 'include'
      ? entry.files.flatMap(flat)
      : [`${basename(entry.source)}:${entry.line} ${entry.keyword} ${entry.args.join(' ')}`],
  );
}

describe('reading an ssh config with its includes', () => {
  it('resolves a relative include against ~/.ssh of the given home, and follows nested includes', async () => {
    const t = tempHome();
    const config = t.write('.ssh/config', 'User a\nInclude schulen/nord\nUser z\n');
    t.write('.ssh/schulen/nord', 'Host nord\n  Include ~/.ssh/schulen/keys\n');
    t.write('.ssh/schulen/keys', 'IdentityFile ~/.ssh/nord\n');
    const { file, problems } = await readConfigFile(config, { home: t.home });
    expect(problems).toEqual([]);
    expect(flat(file)).toEqual([
      'config:1 user a',
      'nord:1 host nord',
      'keys:1 identityfile ~/.ssh/nord',
      'config:3 user z',
    ]);
  });

  it('expands globs in sorted order, skipping dot files; a glob matching nothing is silent', async () => {
    const t = tempHome();
    const config = t.write('.ssh/config', 'Include conf.d/*.conf leer/*\n');
    t.write('.ssh/conf.d/b.conf', 'Host b\n');
    t.write('.ssh/conf.d/a.conf', 'Host a\n');
    t.write('.ssh/conf.d/.hidden.conf', 'Host hidden\n');
    t.write('.ssh/conf.d/c.txt', 'Host c\n');
    t.write('.ssh/leer/.keep', '');
    const { file, problems } = await readConfigFile(config, { home: t.home });
    expect(problems).toEqual([]);
    expect(flat(file)).toEqual(['a.conf:1 host a', 'b.conf:1 host b']);
  });

  it('reports a loop (also through a symlink) and a missing include by line, and reads the rest', async () => {
    const t = tempHome();
    const config = t.write('.ssh/config', 'Include a\nInclude fehlt\nHost ende\n');
    const a = t.write('.ssh/a', 'Host a\nInclude config\nInclude a-link\n');
    symlinkSync(a, join(t.ssh, 'a-link'));
    const { file, problems } = await readConfigFile(config, { home: t.home });
    expect(problems).toEqual([
      { source: a, line: 2, code: 'sshConfig.includeLoop', params: { path: join(t.ssh, 'config') } },
      { source: a, line: 3, code: 'sshConfig.includeLoop', params: { path: join(t.ssh, 'a-link') } },
      {
        source: config,
        line: 2,
        code: 'sshConfig.includeUnreadable',
        params: { path: join(t.ssh, 'fehlt'), reason: 'ENOENT' },
      },
    ]);
    expect(flat(file)).toEqual(['a:1 host a', 'config:3 host ende']);
  });

  it('refuses a huge or binary include through readSourceFile, and a chain deeper than OpenSSH allows', async () => {
    const t = tempHome();
    const chain = Array.from({ length: MAX_INCLUDE_DEPTH + 2 }, (_, i) => `level${i}`);
    const config = t.write('.ssh/config', 'Include gross binaer level0\n');
    truncateSync(t.write('.ssh/gross', ''), 100 * 1024 * 1024);
    writeFileSync(join(t.ssh, 'binaer'), Buffer.from([0x48, 0x6f, 0x73, 0x74, 0, 0x20]));
    chain.forEach((name, i) => t.write(`.ssh/${name}`, `User u${i}\nInclude ${chain[i + 1] ?? 'nichts'}\n`));
    const { file, problems } = await readConfigFile(config, { home: t.home });
    expect(problems).toEqual([
      {
        source: config,
        line: 1,
        code: 'sshConfig.includeUnreadable',
        params: { path: join(t.ssh, 'gross'), reason: 'tooLarge' },
      },
      {
        source: config,
        line: 1,
        code: 'sshConfig.includeUnreadable',
        params: { path: join(t.ssh, 'binaer'), reason: 'binary' },
      },
      {
        source: join(t.ssh, `level${MAX_INCLUDE_DEPTH - 1}`),
        line: 2,
        code: 'sshConfig.includeUnreadable',
        params: { path: join(t.ssh, `level${MAX_INCLUDE_DEPTH}`), reason: 'tooDeep' },
      },
    ]);
    // The config is depth 0, level0 depth 1 … level15 depth 16, OpenSSH's limit.
    expect(flat(file)).toHaveLength(MAX_INCLUDE_DEPTH);
    expect(flat(file).at(-1)).toBe(`level${MAX_INCLUDE_DEPTH - 1}:1 user u${MAX_INCLUDE_DEPTH - 1}`);
  });

  it('reports a line that cannot be tokenised by number and keyword only, and an unreadable file as the file', async () => {
    const t = tempHome();
    const config = t.write('.ssh/config', 'Host a\n  ProxyCommand sshpass -p "geheim\n  User x\n');
    const { file, problems } = await readConfigFile(config, { home: t.home });
    expect(problems).toEqual([
      { source: config, line: 2, code: 'sshConfig.badLine', params: { keyword: 'ProxyCommand' } },
    ]);
    expect(JSON.stringify(problems)).not.toContain('geheim');
    expect(flat(file)).toEqual(['config:1 host a', 'config:3 user x']);

    const missing = join(t.ssh, 'nicht-da');
    expect(await readConfigFile(missing, { home: t.home })).toEqual({
      file: null,
      problems: [
        { source: missing, line: null, code: 'import.fileUnreadable', params: { reason: 'ENOENT' } },
      ],
    });
  });
});
