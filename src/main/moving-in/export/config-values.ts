// Writing a value into an ssh config so OpenSSH reads back exactly that
// value: argv_split() takes `\\` and `\"` as escapes inside double quotes
// (a Windows pipe `\\.\pipe\x` must be written `\\\\.\\pipe\\x`), and
// IdentityFile and IdentityAgent expand `%` tokens, so a literal `%` is `%%`.

/** Bare when it needs no quotes (a user name, a number), else quoted. */
export function configValue(value: string): string {
  return /^[A-Za-z0-9_.@:+/-]+$/.test(value) ? value : quotedValue(value);
}

export function quotedValue(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

export function quotedPath(path: string): string {
  return quotedValue(path.replace(/%/g, '%%'));
}

/** Comment text on one line: a profile name with a line break must not end the comment. */
export function commentText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
}
