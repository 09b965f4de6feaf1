// Reads pam_duo's keyboard-interactive menu so the UI can offer buttons (Push,
// call, SMS, passcode). The whole menu arrives as ONE prompt string whose wording
// comes from Duo's servers and can change, so the parse is lenient and the UI must
// always let the user answer the raw prompt as well (see field-facts.md).

export type DuoOptionKind = 'push' | 'phone' | 'sms' | 'other';

export interface DuoOption {
  /** What to send to choose it, e.g. `1`. */
  answer: string;
  kind: DuoOptionKind;
  /** The device as Duo names it, e.g. `XXX-XXX-1078` or `iPhone (iOS)`; '' if none. */
  device: string;
  /** The option line after its number, as Duo wrote it. */
  label: string;
}

export interface DuoMenu {
  user: string | null;
  options: DuoOption[];
  /** The prompt also takes a passcode (e.g. `Passcode or option (1-3):`). */
  passcodeAllowed: boolean;
  /** From `(next code starts with: 2)` after the SMS line. */
  nextCode: string | null;
}

// The prompt comes from the server. A real menu is a few hundred characters; the
// cap bounds the work on a hostile or broken one, whatever the regexes below do.
const MAX_PROMPT_CHARS = 8 * 1024;

const optionLine = /^(\d{1,2})(?:\.\s+|\)\s*)(\S.*)$/;
const nextCodePattern = /\(\s*next code starts with:?\s*([0-9a-z]+)\s*\)/i;

function linesOf(text: string): string[] {
  return text
    .slice(0, MAX_PROMPT_CHARS)
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim());
}

function kindOf(label: string): DuoOptionKind {
  if (/\bpush\b/i.test(label)) return 'push';
  if (/\bphone\s+call\b|^call\b/i.test(label)) return 'phone';
  if (/\bsms\b|\btext\s+message/i.test(label)) return 'sms';
  return 'other';
}

function deviceOf(label: string): string {
  const target = /\bto\s+(.+)$/i.exec(label)?.[1] ?? '';
  return target.replace(nextCodePattern, '').replace(/\s+/g, ' ').trim();
}

/** Duo's menu, or null when the prompt does not look like Duo's (e.g. `Password: `). */
export function parseDuoPrompt(text: string): DuoMenu | null {
  let user: string | null = null;
  let passcodeAllowed = false;
  const options: DuoOption[] = [];
  let mentionsDuo = false;

  for (const line of linesOf(text)) {
    const option = optionLine.exec(line);
    if (option) {
      const label = option[2] ?? '';
      options.push({ answer: option[1] ?? '', kind: kindOf(label), device: deviceOf(label), label });
      continue;
    }
    if (/\bduo\s+two-factor\b/i.test(line)) mentionsDuo = true;
    const login = /\bduo\s+two-factor\s+login\s+for\s+(\S.*)$/i.exec(line);
    if (login) user = login[1]?.trim() ?? null;
    // Only outside option lines: the SMS option's "SMS passcodes" offers no passcode field.
    if (/\bpasscode\b/i.test(line)) passcodeAllowed = true;
  }

  if (!mentionsDuo && !options.some((option) => option.kind !== 'other')) return null;
  const nextCode = nextCodePattern.exec(text.slice(0, MAX_PROMPT_CHARS))?.[1] ?? null;
  return { user, options, passcodeAllowed, nextCode };
}

/** A follow-up prompt that takes only a passcode (`Enter passcode:`, `Passcode:`). */
export function isPasscodeOnlyPrompt(text: string): boolean {
  // sshd may fold info lines (e.g. "New SMS passcodes sent.") into the prompt: the question is the last line.
  const last = linesOf(text)
    .filter((line) => line !== '')
    .pop();
  return last !== undefined && /^(?:enter\s+(?:a\s+|your\s+)?)?(?:duo\s+)?passcode\s*:?$/i.test(last);
}
