import { describe, expect, it } from 'vitest';
import { jumpFromProxyCommand, parseProxyJump } from '../../../../src/main/moving-in/openssh/jump-host';

describe('jump hosts', () => {
  it('reads one ProxyJump hop in each of OpenSSH forms', () => {
    expect(parseProxyJump('meine-schule.de')).toEqual({
      kind: 'hop',
      user: null,
      host: 'meine-schule.de',
      port: null,
    });
    expect(parseProxyJump('iserv-max@meine-schule.de:2222')).toEqual({
      kind: 'hop',
      user: 'iserv-max',
      host: 'meine-schule.de',
      port: 2222,
    });
    expect(parseProxyJump('ssh://a@b@portal:22')).toEqual({
      kind: 'hop',
      user: 'a@b',
      host: 'portal',
      port: 22,
    });
    expect(parseProxyJump('[2001:db8::1]:2200')).toEqual({
      kind: 'hop',
      user: null,
      host: '2001:db8::1',
      port: 2200,
    });
    expect(parseProxyJump('None')).toEqual({ kind: 'none' });
    expect(parseProxyJump('a.de,b.de')).toEqual({ kind: 'multiHop' });
    for (const bad of ['@portal', 'portal:0', 'portal:http', '2001:db8::1', 'user@']) {
      expect([bad, parseProxyJump(bad).kind]).toEqual([bad, 'unreadable']);
    }
  });

  it('takes `ssh -W %h:%p host` as a jump and no other command', () => {
    const words = (text: string) => text.split(' ');
    expect(jumpFromProxyCommand(words('ssh -W %h:%p portal'))).toEqual({
      kind: 'hop',
      user: null,
      host: 'portal',
      port: null,
    });
    expect(
      jumpFromProxyCommand(words('exec /usr/bin/ssh -q -l iserv-max -p 2222 portal -W [%h]:%p')),
    ).toEqual({
      kind: 'hop',
      user: 'iserv-max',
      host: 'portal',
      port: 2222,
    });
    expect(jumpFromProxyCommand(words('ssh -W %h:%p 2001:db8::1'))).toMatchObject({ host: '2001:db8::1' });
    for (const other of [
      'ssh portal nc %h %p',
      'ssh -W %h:%p -o User=x portal',
      'ssh -W %h:22 portal',
      'ssh -W %h:%p',
      'nc -X connect -x proxy:8080 %h %p',
      'ssh -W %h:%p a b',
    ]) {
      expect([other, jumpFromProxyCommand(words(other))]).toEqual([other, null]);
    }
  });
});
