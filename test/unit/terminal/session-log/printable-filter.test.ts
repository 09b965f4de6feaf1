// The printable log keeps what the screen shows as text: the sequences below
// are what bash, ls --color, tput (TERM=xterm-256color), vim and less send.
import { describe, expect, it } from 'vitest';
import { PrintableFilter } from '../../../../src/main/terminal/session-log/printable-filter';

const filter = (...chunks: Array<string | Buffer>) => {
  const f = new PrintableFilter();
  return Buffer.concat(
    chunks.map((c) => f.push(typeof c === 'string' ? Buffer.from(c, 'latin1') : c)),
  ).toString('utf8');
};

// A bash prompt as IServ servers send it: bracketed paste on, a window title (OSC 0, ended by BEL), colours.
const prompt =
  '\x1b[?2004h\x1b]0;iserv-max.mustermann@portal: ~\x07\x1b[01;32miserv-max.mustermann@portal\x1b[00m:\x1b[01;34m~\x1b[00m$ ';
// `ls --color`: SGR colours and the reset as ls writes it.
const ls = '\x1b[0m\x1b[01;34mbackup\x1b[0m  \x1b[01;32mrun.sh\x1b[0m  notes.txt\r\n';

describe('PrintableFilter', () => {
  it('drops colours and keeps the text, with CR and LF', () => {
    expect(filter(prompt, 'ls\r\n', ls)).toBe(
      'iserv-max.mustermann@portal:~$ ls\r\nbackup  run.sh  notes.txt\r\n',
    );
  });

  it('drops cursor moves, screen clears, modes and charset designations (tput)', () => {
    const tput = [
      '\x1b[31m', // setaf 1
      '\x1b(B\x1b[m', // sgr0: ESC ( B is a charset, not text
      '\x1b[6;11H', // cup 5 10
      '\x1b[?1049h\x1b[22;0;0t', // smcup: alternate screen, title stack
      '\x1b[H\x1b[2J\x1b[3J', // clear
      '\x1b[K', // el
      '\x1b[?25l\x1b[?12l\x1b[?25h', // civis, cnorm
      '\x1b[?1h\x1b=', // smkx: cursor keys mode and keypad (ESC =)
      '\x1b7\x1b8\x1bM', // save/restore cursor, reverse index
      '\x1b[>4;2m\x1b[>c', // private parameters (vim asks the terminal's version)
    ].join('');
    expect(filter(`a${tput}b\r\n`)).toBe('ab\r\n');
  });

  it('drops window titles and hyperlinks, ended by BEL or by ST', () => {
    expect(filter('\x1b]2;vim ~/.bashrc\x07x')).toBe('x');
    // OSC 8 hyperlink, as ls --hyperlink writes it: the link text stays.
    expect(filter('\x1b]8;;file://portal/etc/hosts\x1b\\hosts\x1b]8;;\x1b\\\r\n')).toBe('hosts\r\n');
    // A title with UTF-8 in it is dropped whole.
    expect(filter(Buffer.from('\x1b]0;Schüler – ä\x07ok', 'utf8'))).toBe('ok');
  });

  it('drops DCS, SOS, PM and APC strings', () => {
    expect(filter('a\x1bP+q544e\x1b\\b')).toBe('ab'); // XTGETTCAP as vim sends it
    expect(filter('a\x1b_Gi=1;AAAA\x1b\\b')).toBe('ab'); // a kitty graphics APC
    expect(filter('a\x1bX sos \x1b\\b\x1b^ pm \x1b\\c')).toBe('abc');
  });

  it('drops controls that show nothing, keeps tabs', () => {
    // bell, backspace (the echo of a deleted character), shift in/out, DEL
    expect(filter('a\x07b\x08 \x08c\x0e\x0fd\x7fe\tf')).toBe('ab cde\tf');
  });

  it('keeps UTF-8 text, including U+0080…U+00BF (lead byte C2)', () => {
    expect(filter(Buffer.from('Grüße, 5 °C, § 3, ½ – ✓ 🙂\r\n', 'utf8'))).toBe(
      'Grüße, 5 °C, § 3, ½ – ✓ 🙂\r\n',
    );
  });

  it('treats C1 controls (UTF-8 C2 80…C2 9F) as their ESC forms', () => {
    // C1 CSI 31 m, C1 OSC title ended by C1 ST, C1 NEL.
    const c1 = Buffer.from([
      0x61, 0xc2, 0x9b, 0x33, 0x31, 0x6d, 0x62, 0xc2, 0x9d, 0x30, 0x3b, 0x74, 0xc2, 0x9c, 0x63, 0xc2, 0x85,
      0x64,
    ]);
    expect(filter(c1)).toBe('abcd');
  });

  it('keeps its state across chunks cut at any byte', () => {
    const whole = Buffer.from(`${prompt}ls\r\n${ls}\x1b]8;;x\x1b\\Grüße\x1b]8;;\x1b\\ °\r\n`, 'utf8');
    const expected = filter(whole);
    expect(expected).toBe('iserv-max.mustermann@portal:~$ ls\r\nbackup  run.sh  notes.txt\r\nGrüße °\r\n');
    for (let cut = 1; cut < whole.length; cut++) {
      expect(filter(whole.subarray(0, cut), whole.subarray(cut)), `cut at ${cut}`).toBe(expected);
    }
    // And byte by byte.
    expect(filter(...[...whole].map((b) => Buffer.from([b])))).toBe(expected);
  });

  it('ends a sequence cut off by CAN or SUB, and begins a new one at ESC', () => {
    expect(filter('a\x1b[12\x18b')).toBe('ab');
    expect(filter('a\x1b]0;title\x1ab')).toBe('ab');
    // An unended title followed by a new sequence: ESC inside the string begins it.
    expect(filter('a\x1b]0;title\x1b[31mb')).toBe('ab');
  });

  it('returns a buffer of its own', () => {
    const chunk = Buffer.from('text');
    const out = new PrintableFilter().push(chunk);
    chunk.fill(0);
    expect(out.toString()).toBe('text');
  });
});
