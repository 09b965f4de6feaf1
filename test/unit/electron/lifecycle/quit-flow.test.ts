// Quit asks only with live sessions, ends once, and a cancel keeps the app running.
import { describe, expect, it, vi } from 'vitest';
import { createQuitFlow, quitQuestion } from '../../../../src/main/electron/lifecycle/quit-flow';

function flow(live: number, answer: boolean | Promise<boolean>) {
  const confirm = vi.fn(() => Promise.resolve(answer));
  const steps: string[] = [];
  const end = vi.fn(async () => {
    steps.push('end');
  });
  const exit = vi.fn(() => steps.push(`exit (${quit.phase})`));
  const quit = createQuitFlow({ liveSessions: () => live, confirm, end, exit });
  return { quit, confirm, end, exit, steps };
}

describe('quit flow', () => {
  it('ends at once when no session is live: clean-up first, then the exit, once ended', async () => {
    const { quit, confirm, steps } = flow(0, false);
    await quit.request();
    expect(confirm).not.toHaveBeenCalled();
    expect(steps).toEqual(['end', 'exit (ended)']);
    expect(quit.phase).toBe('ended');
    // The exit's own app.quit() comes back as a request: it must not start again.
    await quit.request();
    expect(steps).toEqual(['end', 'exit (ended)']);
  });

  it('exits even when the clean-up fails', async () => {
    const exit = vi.fn();
    const quit = createQuitFlow({
      liveSessions: () => 0,
      confirm: () => Promise.resolve(true),
      end: () => Promise.reject(new Error('socket busy')),
      exit,
    });
    await expect(quit.request()).rejects.toThrow('socket busy');
    expect(exit).toHaveBeenCalledOnce();
    expect(quit.phase).toBe('ended');
  });

  it('asks with live sessions and ends on confirm', async () => {
    const { quit, confirm, steps } = flow(2, true);
    await quit.request();
    expect(confirm).toHaveBeenCalledWith(2);
    expect(steps).toEqual(['end', 'exit (ended)']);
  });

  it('keeps running when the question is cancelled, and asks again next time', async () => {
    const { quit, confirm, end, exit } = flow(1, false);
    await quit.request();
    expect(end).not.toHaveBeenCalled();
    expect(exit).not.toHaveBeenCalled();
    expect(quit.phase).toBe('running');
    await quit.request();
    expect(confirm).toHaveBeenCalledTimes(2);
  });

  it('ignores further requests while asking or ending (tray and Cmd+Q at once)', async () => {
    let answer!: (yes: boolean) => void;
    const { quit, confirm, end } = flow(1, new Promise<boolean>((resolve) => (answer = resolve)));
    const first = quit.request();
    expect(quit.phase).toBe('asking');
    await quit.request();
    answer(true);
    await first;
    await quit.request();
    expect(confirm).toHaveBeenCalledOnce();
    expect(end).toHaveBeenCalledOnce();
  });

  it('treats a failed question as cancel', async () => {
    const end = vi.fn(() => Promise.resolve());
    const quit = createQuitFlow({
      liveSessions: () => 1,
      confirm: () => Promise.reject(new Error('x')),
      end,
      exit: () => {},
    });
    await quit.request();
    expect(end).not.toHaveBeenCalled();
    expect(quit.phase).toBe('running');
  });
});

describe('quit flow at a system shutdown or logout', () => {
  it('asks nothing and lets the system’s quit through while it cleans up', async () => {
    let finishEnd!: () => void;
    const exit = vi.fn();
    const confirm = vi.fn(() => Promise.resolve(true));
    const quit = createQuitFlow({
      liveSessions: () => 2,
      confirm,
      end: () => new Promise<void>((resolve) => (finishEnd = resolve)),
      exit,
    });
    expect(quit.letsQuitThrough()).toBe(false);
    const shutdown = quit.systemShutdown();
    expect(confirm).not.toHaveBeenCalled();
    expect(quit.phase).toBe('ending');
    expect(quit.letsQuitThrough()).toBe(true);
    finishEnd();
    await shutdown;
    expect(exit).toHaveBeenCalledOnce();
  });

  it('drops an open question and ends', async () => {
    const end = vi.fn(() => Promise.resolve());
    let answer!: (yes: boolean) => void;
    const quit = createQuitFlow({
      liveSessions: () => 1,
      confirm: () => new Promise<boolean>((resolve) => (answer = resolve)),
      end,
      exit: () => {},
    });
    const asked = quit.request();
    expect(quit.phase).toBe('asking');
    await quit.systemShutdown();
    // The question's late answer (Abbrechen) changes nothing any more.
    answer(false);
    await asked;
    expect(end).toHaveBeenCalledOnce();
    expect(quit.phase).toBe('ended');
  });

  it('an ordinary quit holds Electron’s quit until it has ended', async () => {
    let finishEnd!: () => void;
    const quit = createQuitFlow({
      liveSessions: () => 0,
      confirm: () => Promise.resolve(true),
      end: () => new Promise<void>((resolve) => (finishEnd = resolve)),
      exit: () => {},
    });
    const quitting = quit.request();
    expect(quit.phase).toBe('ending');
    expect(quit.letsQuitThrough()).toBe(false);
    finishEnd();
    await quitting;
    expect(quit.letsQuitThrough()).toBe(true);
  });
});

describe('quit question', () => {
  it('asks in German with Quit as default and Cancel on Escape', () => {
    const q = quitQuestion('de', 1);
    expect(q.message).toBe('Eine Sitzung ist noch offen. Fernwartung beenden?');
    expect(q.buttons[q.defaultId]).toBe('Beenden');
    expect(q.buttons[q.cancelId]).toBe('Abbrechen');
  });

  it('counts sessions in English', () => {
    const q = quitQuestion('en', 3);
    expect(q.message).toBe('3 sessions are still open. Quit Fernwartung?');
    expect(q.buttons).toEqual(['Quit', 'Cancel']);
    expect(q.detail).toMatch(/agent/);
  });
});
