// Which encoding a .reg file is in: the byte order mark decides, then UTF-8 if it is valid, else ANSI.
import { describe, expect, it } from 'vitest';
import { decodeRegText } from '../../../../src/main/moving-in/putty/reg-text';
import { encodeRegText } from '../../../fixtures/putty-reg';

const TEXT =
  'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\Schule M%FCnchen]\r\n"Name"="Grüße €"\r\n';

describe('decodeRegText', () => {
  it('reads UTF-16LE with a byte order mark, as regedit writes it', () => {
    expect(decodeRegText(encodeRegText(TEXT, 'utf-16le'))).toEqual({ text: TEXT, encoding: 'utf-16le' });
  });

  it('reads UTF-16BE with a byte order mark', () => {
    const le = Buffer.from(TEXT, 'utf16le');
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]);
    expect(decodeRegText(be)).toEqual({ text: TEXT, encoding: 'utf-16be' });
  });

  it('reads UTF-16LE without a byte order mark', () => {
    expect(decodeRegText(Buffer.from(TEXT, 'utf16le'))).toEqual({ text: TEXT, encoding: 'utf-16le' });
  });

  it('reads UTF-8 with and without a byte order mark', () => {
    expect(decodeRegText(encodeRegText(TEXT, 'utf-8-bom'))).toEqual({ text: TEXT, encoding: 'utf-8' });
    expect(decodeRegText(encodeRegText(TEXT, 'utf-8'))).toEqual({ text: TEXT, encoding: 'utf-8' });
  });

  it('reads anything else as Windows-1252 (REGEDIT4), € included', () => {
    const ansi = TEXT.replace('Windows Registry Editor Version 5.00', 'REGEDIT4');
    expect(decodeRegText(encodeRegText(ansi, 'ansi'))).toEqual({ text: ansi, encoding: 'windows-1252' });
  });
});
