import { describe, expect, it } from 'vitest';
import { splitArguments, tokeniseConfigLine } from '../../../../src/main/moving-in/openssh/config-lines';

const directive = (keyword: string, written: string, args: string[]) => ({
  kind: 'directive',
  keyword,
  written,
  args,
});

describe('ssh config lines', () => {
  it('reads `Keyword value`, `Keyword=value` and `Keyword = value` alike, keyword in any case', () => {
    expect(tokeniseConfigLine('HostName meine-schule.de')).toEqual(
      directive('hostname', 'HostName', ['meine-schule.de']),
    );
    expect(tokeniseConfigLine('  hostname=meine-schule.de')).toEqual(
      directive('hostname', 'hostname', ['meine-schule.de']),
    );
    expect(tokeniseConfigLine('\tHOSTNAME = meine-schule.de  \r')).toEqual(
      directive('hostname', 'HOSTNAME', ['meine-schule.de']),
    );
    // Only one `=` is a separator; a second belongs to the value.
    expect(tokeniseConfigLine('SetEnv = =X')).toEqual(directive('setenv', 'SetEnv', ['=X']));
  });

  it('groups quoted arguments and honours the escapes OpenSSH knows', () => {
    expect(tokeniseConfigLine('IdentityFile "~/.ssh/mein schlüssel"')).toEqual(
      directive('identityfile', 'IdentityFile', ['~/.ssh/mein schlüssel']),
    );
    expect(splitArguments(`a 'b c' d\\ e "f\\"g" h\\\\i \\x`)).toEqual([
      'a',
      'b c',
      'd e',
      'f"g',
      'h\\i',
      '\\x',
    ]);
    expect(splitArguments('"\\\\\\\\.\\\\pipe\\\\agent"')).toEqual(['\\\\.\\pipe\\agent']);
    expect(splitArguments('a"b c"d')).toEqual(['ab cd']);
  });

  it('skips comments and blank lines; `#` inside an argument is not a comment', () => {
    expect(tokeniseConfigLine('# Host evil')).toEqual({ kind: 'blank' });
    expect(tokeniseConfigLine('   ')).toEqual({ kind: 'blank' });
    expect(tokeniseConfigLine('#')).toEqual({ kind: 'blank' });
    expect(tokeniseConfigLine('User iserv-max.muster # mein Konto')).toEqual(
      directive('user', 'User', ['iserv-max.muster']),
    );
    expect(tokeniseConfigLine('Host a#b')).toEqual(directive('host', 'Host', ['a#b']));
  });

  it('refuses an unclosed quote and a keyword without a value', () => {
    expect(tokeniseConfigLine('IdentityFile "~/.ssh/id')).toEqual({
      kind: 'bad',
      written: 'IdentityFile',
      reason: 'quotes',
    });
    expect(tokeniseConfigLine('User')).toEqual({ kind: 'bad', written: 'User', reason: 'noArgument' });
    expect(tokeniseConfigLine('User =  # nothing')).toEqual({
      kind: 'bad',
      written: 'User',
      reason: 'noArgument',
    });
  });
});
