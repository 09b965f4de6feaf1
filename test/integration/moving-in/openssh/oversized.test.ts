// Regressions found by the importers' fuzz test (test/integration/moving-in/
// fuzz.test.ts): very long lines in a damaged or hand-made ssh config or
// known_hosts file neither stall the importer nor break the findings'
// schemas.
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { WireWriter } from '../../../../src/main/core/wire';
import { MAX_INCLUDED_FILES, readConfigFile } from '../../../../src/main/moving-in/openssh/config-file';
import { importSshConfig } from '../../../../src/main/moving-in/openssh/config-import';
import { tokeniseConfigLine } from '../../../../src/main/moving-in/openssh/config-lines';
import { importKnownHosts } from '../../../../src/main/moving-in/openssh/known-hosts-file';
import {
  importedKeyFileSchema,
  importedProfileSchema,
  notCarriedSchema,
} from '../../../../src/shared/model/moving-in';
import { NOT_CARRIED_LIMIT } from '../../../../src/main/moving-in/limits';
import { generateEd25519 } from '../../../fixtures/ssh2-keys';
import { tempHome } from './temp-home';

const VALUE_LIMIT = notCarriedSchema.shape.value.maxLength!;

/** The files the importer reads, in order. */
const reads = vi.hoisted(() => [] as string[]);
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const readFile = (...args: Parameters<typeof actual.readFile>) => {
    reads.push(String(args[0]));
    return actual.readFile(...args);
  };
  return { ...actual, readFile: readFile as typeof actual.readFile };
});

/** Far above what these take now (milliseconds), far below what they took (seconds to hours). */
const LINEAR_MS = 3_000;

async function timed<T>(run: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  expect(performance.now() - started).toBeLessThan(LINEAR_MS);
  return result;
}

describe('OpenSSH importers: oversized lines', () => {
  it('tokenises a line of 100 000 blanks around a word in linear time (a trailing-blank regex was quadratic)', async () => {
    const line = `${' '.repeat(100_000)}x${' '.repeat(100)}`;
    expect(await timed(() => tokeniseConfigLine(line))).toEqual({
      kind: 'bad',
      written: 'x',
      reason: 'noArgument',
    });
  });

  it('imports a Host line of 20 000 aliases in linear time, each alias evaluated as before', async () => {
    const t = tempHome();
    const aliases = Array.from({ length: 20_000 }, (_, i) => `h${i}`);
    const config = t.write(
      '.ssh/config',
      `Host ${aliases.join(' ')}\n  User admin\nHost h7 !h8 h9*\n  Port 2222\n`,
    );
    const findings = await timed(() => importSshConfig(config, { home: t.home }));
    expect(findings.profiles).toHaveLength(20_000);
    const [h7, h8, h9, h90] = [7, 8, 9, 90].map((i) => findings.profiles[i]);
    expect([h7, h8, h9, h90].map((p) => [p?.name, p?.user, p?.port])).toEqual([
      ['h7', 'admin', 2222],
      ['h8', 'admin', 22],
      ['h9', 'admin', 2222],
      ['h90', 'admin', 2222],
    ]);
  });

  it('lists 80 000 aliases naming one key file in linear time', async () => {
    const t = tempHome();
    const aliases = Array.from({ length: 80_000 }, (_, i) => `h${i}`);
    const config = t.write('.ssh/config', `Host ${aliases.join(' ')}\n  IdentityFile ~/.ssh/id\n`);
    const findings = await timed(() => importSshConfig(config, { home: t.home }));
    expect(findings.keyFiles).toEqual([{ path: join(t.ssh, 'id'), usedBy: aliases }]);
  });

  it('tries a wildcard pattern repeated 10 000 times on a Host line once per alias', async () => {
    const t = tempHome();
    const aliases = Array.from({ length: 10_000 }, (_, i) => `h${i}.de`);
    const patterns = '*.de !h7.de '.repeat(10_000);
    const config = t.write('.ssh/config', `Host ${aliases.join(' ')}\nHost ${patterns}\n  Port 2222\n`);
    const findings = await timed(() => importSshConfig(config, { home: t.home }));
    expect(findings.profiles).toHaveLength(10_000);
    expect(findings.profiles.slice(6, 9).map((p) => [p.name, p.port])).toEqual([
      ['h6.de', 2222],
      ['h7.de', 22],
      ['h8.de', 2222],
    ]);
  });

  it('lists at most 100 SendEnv names, from a line of 200 000 (a list searched per name was quadratic), a later `-NAME` removing one', async () => {
    const t = tempHome();
    const names = Array.from({ length: 200_000 }, (_, i) => `V${i}`);
    const config = t.write(
      '.ssh/config',
      `Host a\n  SendEnv ${names.join(' ')}\n  SendEnv -V7 V7 -V8 EMAIL\n`,
    );
    const findings = await timed(() => importSshConfig(config, { home: t.home }));
    const sent = findings.profiles[0]!.notCarried.filter((item) => item.setting === 'SendEnv');
    expect(sent).toHaveLength(NOT_CARRIED_LIMIT);
    expect(sent.slice(6, 9).map((item) => item.value)).toEqual(['V6', 'V9', 'V10']);
    expect(sent.slice(-2)).toEqual([
      { setting: 'SendEnv', value: 'V7', reason: 'unsupported' },
      { setting: 'SendEnv', value: 'EMAIL', reason: 'alwaysSent' },
    ]);
  });

  it('lists at most 100 settings not carried per profile: 2000 aliases sending 2000 variables each', async () => {
    const t = tempHome();
    const aliases = Array.from({ length: 2000 }, (_, i) => `h${i}`);
    const names = Array.from({ length: 2000 }, (_, i) => `V${i}`);
    const config = t.write(
      '.ssh/config',
      [
        `Host ${aliases.join(' ')}`,
        `  SetEnv ${names.map((name) => `${name}=1`).join(' ')}`,
        `  SendEnv ${names.join(' ')}`,
        `  LocalForward ${names.join(' ')}`,
      ].join('\n'),
    );
    const findings = await timed(() => importSshConfig(config, { home: t.home }));
    expect(findings.profiles).toHaveLength(2000);
    for (const profile of findings.profiles) expect(profile.notCarried).toHaveLength(NOT_CARRIED_LIMIT);
    expect(findings.profiles[0]!.notCarried.slice(0, 2)).toEqual([
      { setting: 'SetEnv', value: 'V0', reason: 'unsupported' },
      { setting: 'SetEnv', value: 'V1', reason: 'unsupported' },
    ]);
  });

  it('reads a file named 2000 times on one Include line once, and includes it no more than 256 times', async () => {
    const t = tempHome();
    const extra = t.write('.ssh/extra', 'Host extra\n  HostName extra.de\nInclude extra\n');
    const config = t.write('.ssh/config', `Include ${'extra '.repeat(2000)}\n`);
    reads.length = 0;
    const { file, problems } = await readConfigFile(config, { home: t.home });
    expect(reads).toEqual([config, extra]);
    const include = file!.entries[0]!;
    expect(include.kind === 'include' && include.files.map((f) => f.path)).toEqual(
      Array(MAX_INCLUDED_FILES).fill(extra),
    );
    const loop = { source: extra, line: 3, code: 'sshConfig.includeLoop', params: { path: extra } };
    const tooMany = {
      source: config,
      line: 1,
      code: 'sshConfig.includeUnreadable',
      params: { path: extra, reason: 'tooMany' },
    };
    expect(problems).toEqual([
      ...Array(MAX_INCLUDED_FILES).fill(loop),
      ...Array(2000 - MAX_INCLUDED_FILES).fill(tooMany),
    ]);
  });

  it('evaluates 2000 aliases quickly over a config naming 5000 included files, of which 256 are included', async () => {
    const t = tempHome();
    t.write('.ssh/extra', 'Host extra\n  User e\nSendEnv LANG\n');
    const aliases = Array.from({ length: 2000 }, (_, i) => `h${i}`);
    const config = t.write(
      '.ssh/config',
      `Include ${'extra '.repeat(5000)}\nHost ${aliases.join(' ')}\n  ProxyJump portal\n`,
    );
    const findings = await timed(() => importSshConfig(config, { home: t.home }));
    expect(findings.profiles).toHaveLength(2001);
    expect(findings.profiles[0]).toMatchObject({ name: 'extra', user: 'e' });
    expect(findings.problems).toContainEqual({
      source: config,
      line: 1,
      code: 'sshConfig.includeUnreadable',
      params: { path: join(t.ssh, 'extra'), reason: 'tooMany' },
    });
    expect(findings.profiles[1]).toMatchObject({ name: 'h0', kind: 'backup', portalHost: 'portal' });
  });

  it('cuts a Host block’s texts to what the findings may hold; the service then refuses what is invalid', async () => {
    const t = tempHome();
    const alias = `a${'l'.repeat(600)}`;
    const key = `/${'k'.repeat(5000)}`;
    const config = t.write(
      '.ssh/config',
      [
        `Host ${alias}`,
        `  HostName ${'h'.repeat(2000)}.de`,
        `  User ${'u'.repeat(300)}`,
        `  IdentityFile ${key}`,
        `  IdentityFile ~/second${'k'.repeat(5000)}`,
        `  ServerAliveInterval ${'9'.repeat(5000)}`,
        `  ProxyJump ${'p'.repeat(5000)}@portal.de`,
      ].join('\n'),
    );
    const findings = await importSshConfig(config, { home: t.home });
    expect(findings.problems).toEqual([]);
    const [profile] = findings.profiles;
    expect(importedProfileSchema.safeParse(profile).error).toBeUndefined();
    expect(profile).toMatchObject({
      name: alias.slice(0, 512),
      host: 'h'.repeat(1024),
      user: 'u'.repeat(256),
      keyPath: key.slice(0, 4096),
      portalHost: 'portal.de',
    });
    expect(profile!.notCarried.map((item) => [item.setting, item.value.length])).toEqual([
      ['ServerAliveInterval', VALUE_LIMIT],
      ['ProxyJump', VALUE_LIMIT],
    ]);
    expect(findings.keyFiles).toHaveLength(2);
    for (const keyFile of findings.keyFiles)
      expect(importedKeyFileSchema.safeParse(keyFile).error).toBeUndefined();
  });

  it('reports a known_hosts name longer than any host, and a key blob larger than any key', () => {
    const ed = generateEd25519().public.split(' ').slice(0, 2).join(' ');
    const huge = new WireWriter()
      .string('ssh-foo')
      .string(Buffer.alloc(20_000))
      .toBuffer()
      .toString('base64');
    const long = `${'h'.repeat(1100)}.de`;
    const findings = importKnownHosts(`${long},kurz.de ${ed}\nhuge.de ssh-foo ${huge}\n`, 'known_hosts');
    expect(findings.hostKeys.map((key) => key.host)).toEqual(['kurz.de']);
    expect(findings.problems).toEqual([
      { source: 'known_hosts', line: 1, code: 'knownHosts.badLine', params: { hosts: long } },
      {
        source: 'known_hosts',
        line: 2,
        code: 'knownHosts.badKey',
        params: { hosts: 'huge.de', keyType: 'ssh-foo' },
      },
    ]);
  });
});
