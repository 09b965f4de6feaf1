// PuTTY's `Environment` setting, one string `NAME=VALUE,NAME=VALUE` in which
// `=`, `,` and `\` are escaped with a backslash (`gppmap`/`wmap` in
// settings.c; PuTTY stores it as this single value, never as separate ones).
// A name without `=VALUE` means an empty value.

export function readEnvironment(raw: string): Array<{ name: string; value: string }> {
  const variables: Array<{ name: string; value: string }> = [];
  let i = 0;
  while (i < raw.length) {
    let name = '';
    let value: string | undefined;
    while (i < raw.length && raw[i] !== ',') {
      let char = raw[i++]!;
      if (char === '=' && value === undefined) {
        value = '';
        continue;
      }
      if (char === '\\' && i < raw.length) char = raw[i++]!;
      if (value === undefined) name += char;
      else value += char;
    }
    i++; // the comma
    if (name !== '' || value !== undefined) variables.push({ name, value: value ?? '' });
  }
  return variables;
}
