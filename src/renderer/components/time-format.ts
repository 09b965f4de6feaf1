// Times the session views show: a countdown to a deadline (mm:ss) and the
// clock time of a moment ("verbunden seit 14:03"), with the date when it is
// not today (a kept connection lives 8 hours and can pass midnight).

/** `mm:ss` of the time left, rounded up to whole seconds; never negative. */
export function formatCountdown(msLeft: number): string {
  const total = Math.max(0, Math.ceil(msLeft / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** `HH:MM` in the user's language; `DD.MM., HH:MM` (or the language's form) on another day than `now`. */
export function formatClock(at: number, now: number, language: string): string {
  const date = new Date(at);
  const time: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hour12: false };
  const options: Intl.DateTimeFormatOptions = sameDay(date, new Date(now))
    ? time
    : { ...time, day: '2-digit', month: '2-digit' };
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'de-DE', options).format(date);
}
