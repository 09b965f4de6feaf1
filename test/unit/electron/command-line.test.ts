import { describe, expect, it } from 'vitest';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { keyFileArguments } from '../../../src/main/electron/command-line';

describe('key files on the shell command line', () => {
  it('skips the executable and switches, and resolves the rest where the command was typed', () => {
    const argv = [
      '/opt/Fernwartung/fernwartung',
      '--hidden',
      'keys/id_ed25519',
      '',
      '.',
      '/abs/k.ppk',
      '~/k',
    ];
    expect(keyFileArguments(argv, 1, '/home/max/Downloads')).toEqual([
      '/home/max/Downloads/keys/id_ed25519',
      '/abs/k.ppk',
      join(homedir(), 'k'),
    ]);
  });

  it("a second instance's relative path resolves against its own working directory", () => {
    // Development: electron, then the app folder.
    const argv = ['/usr/bin/electron', '/src/app', 'id_ed25519'];
    expect(keyFileArguments(argv, 2, '/home/anna/schluessel')).toEqual(['/home/anna/schluessel/id_ed25519']);
  });
});
