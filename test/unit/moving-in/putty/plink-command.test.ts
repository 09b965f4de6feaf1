// Which local proxy commands are a plink jump host, read as PuTTY runs them.
import { describe, expect, it } from 'vitest';
import { plinkJump, splitCommandLine } from '../../../../src/main/moving-in/putty/plink-command';

const fields = { proxyHost: 'proxy.schule.de', proxyPort: 2200, proxyUser: 'tech' };
const jump = (command: string) => plinkJump(command, fields);

describe('plinkJump', () => {
  it('reads the portal, port and user from plink’s options', () => {
    expect(jump('plink schule.de -nc %host:%port')).toEqual({
      host: 'schule.de',
      session: undefined,
      port: undefined,
      user: undefined,
    });
    expect(jump('plink.exe -P 2222 -l admin -agent -A -batch schule.de -nc %host:%port')).toEqual({
      host: 'schule.de',
      session: undefined,
      port: 2222,
      user: 'admin',
    });
    expect(jump('PLINK.EXE -ssh -2 -4 -C -x -T -N -v admin@schule.de -nc %host:%port')).toMatchObject({
      host: 'schule.de',
      user: 'admin',
    });
  });

  it('takes plink by a quoted path with spaces, with or without PuTTY’s doubled backslashes', () => {
    for (const path of [
      '"C:\\Program Files\\PuTTY\\plink.exe"',
      '"C:\\\\Program Files\\\\PuTTY\\\\plink.exe"',
    ]) {
      expect(jump(`${path} -i "C:\\Keys\\a b.ppk" schule.de -nc %host:%port`)).toMatchObject({
        host: 'schule.de',
      });
    }
  });

  it('runs a path as PuTTY would: \\t in C:\\tools is a tab, so that is no plink', () => {
    expect(jump('C:\\tools\\plink.exe schule.de -nc %host:%port')).toBeUndefined();
    expect(jump('C:\\\\tools\\\\plink.exe schule.de -nc %host:%port')).toMatchObject({ host: 'schule.de' });
  });

  it('fills in %proxyhost, %proxyport and %user, and accepts any case as PuTTY does', () => {
    expect(jump('plink -l %user %proxyhost -P %proxyport -nc %HOST:%Port')).toEqual({
      host: 'proxy.schule.de',
      session: undefined,
      port: 2200,
      user: 'tech',
    });
  });

  it('skips the values of options that take one, the password included', () => {
    expect(jump('plink -pw %pass -hostkey aa:bb -load saved -nc %host:%port')).toEqual({
      host: undefined,
      session: 'saved',
      port: undefined,
      user: undefined,
    });
    expect(jump('plink -pw geheim schule.de -nc %host:%port')).toMatchObject({ host: 'schule.de' });
  });

  it('refuses anything but plink -nc %host:%port to one portal', () => {
    for (const command of [
      'ncat --proxy-type socks5 %host %port',
      'klink schule.de -nc %host:%port',
      'plink schule.de',
      'plink schule.de -nc',
      'plink schule.de -nc 10.0.0.1:22',
      'plink schule.de -nc %host',
      'plink -nc %host:%port',
      'plink schule.de nc %host %port',
      'plink schule.de -nc %host:%port uptime',
      'plink -J hop.de schule.de -nc %host:%port',
      'plink -proxycmd "x" schule.de -nc %host:%port',
      'plink -P 0 schule.de -nc %host:%port',
      'plink -P 70000 schule.de -nc %host:%port',
      'plink -P x schule.de -nc %host:%port',
      'plink %host -nc %host:%port',
      '',
    ]) {
      expect(jump(command), command).toBeUndefined();
    }
  });
});

describe('splitCommandLine', () => {
  it('splits as Windows does: quotes group, backslashes count only before a quote', () => {
    expect(splitCommandLine('a "b c" d')).toEqual(['a', 'b c', 'd']);
    expect(splitCommandLine('"C:\\Program Files\\x.exe"  -l  u')).toEqual([
      'C:\\Program Files\\x.exe',
      '-l',
      'u',
    ]);
    expect(splitCommandLine('a\\\\"b c"')).toEqual(['a\\b c']);
    expect(splitCommandLine('a\\"b')).toEqual(['a"b']);
    expect(splitCommandLine('"a""b"')).toEqual(['a"b']);
    expect(splitCommandLine('"" x')).toEqual(['', 'x']);
    expect(splitCommandLine('end\\\\')).toEqual(['end\\\\']);
  });
});
