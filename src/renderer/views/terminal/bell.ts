// The terminal bell (BEL, \a): nothing, a short flash of the terminal, or a
// short tone. At most one per second: a program printing bells in a loop must
// neither flash the screen (WCAG 2.3.1 allows three flashes a second, and
// fewer is kinder) nor drone.
import type { TerminalSettings } from '../../../shared/model/settings';

export const BELL_INTERVAL_MS = 1000;
const FLASH_MS = 150;

export function bellAllowed(lastRing: number | undefined, now: number): boolean {
  return lastRing === undefined || now - lastRing >= BELL_INTERVAL_MS;
}

let audio: AudioContext | undefined;

/** A soft 100 ms tone made in place: no sound file, nothing for the CSP to allow. */
function beep(): void {
  audio ??= new AudioContext();
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  oscillator.frequency.value = 880;
  gain.gain.value = 0.08;
  oscillator.connect(gain).connect(audio.destination);
  oscillator.start();
  oscillator.stop(audio.currentTime + 0.1);
}

/** Rings the bell of the terminal shown in `element` (the caller asks bellAllowed first). */
export function ringBell(kind: TerminalSettings['bell'], element: HTMLElement): void {
  if (kind === 'visual') {
    element.classList.add('bell-flash');
    setTimeout(() => element.classList.remove('bell-flash'), FLASH_MS);
  } else if (kind === 'sound') {
    try {
      beep();
    } catch {
      // No audio device: a bell is not worth an error.
    }
  }
}
