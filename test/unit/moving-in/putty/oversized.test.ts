// Regressions found by the importers' fuzz test (test/integration/moving-in/
// fuzz.test.ts): values far longer than any real one, in a damaged or
// hand-made .reg file, neither stall the importer nor break the findings'
// schemas.
import { describe, expect, it } from 'vitest';
import { NOT_CARRIED_LIMIT } from '../../../../src/main/moving-in/limits';
import { importPuttyRegFile } from '../../../../src/main/moving-in/putty';
import { plinkJump } from '../../../../src/main/moving-in/putty/plink-command';
import {
  importedKeyFileSchema,
  importedProfileSchema,
  notCarriedSchema,
} from '../../../../src/shared/model/moving-in';
import { puttyHostKey, puttyRegFile, puttySession } from '../../../fixtures/putty-reg';
import { generateEd25519 } from '../../../fixtures/ssh2-keys';

const VALUE_LIMIT = notCarriedSchema.shape.value.maxLength!;

describe('PuTTY importer: oversized values', () => {
  it('reads a plink command of 100 000 `%%` in linear time (each `%` used to copy the rest of the command)', () => {
    const fields = { proxyHost: 'proxy', proxyPort: 22, proxyUser: 'tech' };
    const started = performance.now();
    const jump = plinkJump(`plink -l ${'%%'.repeat(100_000)}x portal -nc %host:%port`, fields);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(jump).toEqual({
      host: 'portal',
      session: undefined,
      port: undefined,
      user: `${'%'.repeat(100_000)}x`,
    });
  });

  it('cuts a session’s texts to what the findings may hold; the service then refuses what is invalid', () => {
    const name = `Schule ${'n'.repeat(600)}`;
    const keyFile = `C:\\${'k'.repeat(5000)}.ppk`;
    const result = importPuttyRegFile(
      puttyRegFile({
        sessions: [
          puttySession(name, {
            HostName: `${'h'.repeat(2000)}.de`,
            UserName: 'u'.repeat(300),
            PublicKeyFile: keyFile,
            ProxyMethod: 6,
            ProxyHost: `admin${'x'.repeat(5000)}@portal.de`,
          }),
        ],
      }),
      'lang.reg',
    );
    expect(result.problems).toEqual([]);
    const [profile] = result.profiles;
    expect(importedProfileSchema.safeParse(profile).error).toBeUndefined();
    expect(profile).toMatchObject({
      name: name.slice(0, 512),
      origin: { name: name.slice(0, 512) },
      host: 'h'.repeat(1024),
      portalHost: 'portal.de',
      user: 'u'.repeat(256),
      keyPath: keyFile.slice(0, 4096),
    });
    expect(profile!.notCarried).toEqual([
      {
        setting: 'ProxyUsername',
        value: `admin${'x'.repeat(5000)}`.slice(0, VALUE_LIMIT),
        reason: 'unsupported',
      },
    ]);
    expect(result.keyFiles).toEqual([{ path: keyFile.slice(0, 4096), usedBy: [name.slice(0, 512)] }]);
    expect(importedKeyFileSchema.safeParse(result.keyFiles[0]).error).toBeUndefined();
  });

  it('lists at most 100 settings not carried per session', () => {
    const environment = Array.from({ length: 500 }, (_, i) => `V${i}=${i}`).join(',');
    const result = importPuttyRegFile(
      puttyRegFile({
        sessions: [puttySession('Schule', { HostName: 'schule.de', Environment: environment })],
      }),
      'viele.reg',
    );
    expect(result.profiles[0]!.notCarried).toHaveLength(NOT_CARRIED_LIMIT);
    expect(result.profiles[0]!.notCarried.at(-1)).toEqual({
      setting: 'Environment',
      value: 'V99=99',
      reason: 'unsupported',
    });
  });

  it('reports a host key cached for a host name longer than any host instead of trusting it for a cut one', () => {
    const host = `${'h'.repeat(1100)}.de`;
    const result = importPuttyRegFile(
      puttyRegFile({ hostKeys: [puttyHostKey(generateEd25519().public, host)] }),
      'lang.reg',
    );
    expect(result.hostKeys).toEqual([]);
    expect(result.problems).toEqual([
      {
        source: 'lang.reg',
        line: expect.any(Number),
        code: 'putty.hostKeyUnreadable',
        params: { name: `ssh-ed25519@22:${host}` },
      },
    ]);
  });
});
