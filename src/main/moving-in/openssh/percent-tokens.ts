// OpenSSH's `%` tokens (HostName's `%h`, IdentityFile's `%d`, `%r`, …). A
// token we cannot know here (the local user, the connection hash) stays as
// written, so the path shown is honest rather than guessed.

export function expandPercentTokens(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/%(.)/g, (whole, letter: string) => {
    if (letter === '%') return '%';
    return Object.hasOwn(values, letter) ? values[letter]! : whole;
  });
}
