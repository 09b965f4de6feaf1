// TerminalSession against a fake channel: batches and pause/resume wiring,
// resize arguments, exit reporting, and close draining without acks.
import { describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import type { ClientChannel } from 'ssh2';
import { openShell, TerminalSession } from '../../../src/main/terminal/terminal-session';

class FakeStream extends EventEmitter {
  paused = false;
  pause() {
    this.paused = true;
    return this;
  }
  resume() {
    this.paused = false;
    return this;
  }
}

class FakeChannel extends FakeStream {
  stderr = new FakeStream();
  written: (string | Buffer)[] = [];
  windows: number[][] = [];
  closeCalls = 0;
  write(d: string | Buffer) {
    this.written.push(d);
    return true;
  }
  setWindow(rows: number, cols: number, h: number, w: number) {
    this.windows.push([rows, cols, h, w]);
  }
  close() {
    this.closeCalls++;
    setImmediate(() => this.emit('close'));
  }
}

function session(sink: (c: Buffer) => void = () => {}) {
  const channel = new FakeChannel();
  const s = new TerminalSession(channel as unknown as ClientChannel, {
    cols: 80,
    rows: 24,
    sink,
    flow: { maxBatch: 100 },
  });
  s.start();
  return { channel, s };
}

describe('TerminalSession', () => {
  it('pauses stdout and stderr once a batch is held and resumes when the view acknowledges', () => {
    const out: Buffer[] = [];
    const { channel, s } = session((c) => out.push(c));
    channel.emit('data', Buffer.alloc(10));
    channel.emit('data', Buffer.alloc(60));
    channel.emit('data', Buffer.alloc(60));
    channel.stderr.emit('data', Buffer.alloc(50));
    expect(channel.paused).toBe(true);
    expect(channel.stderr.paused).toBe(true);
    expect(s.stats).toMatchObject({ unacked: 180, paused: true, pauses: 1 });
    expect(out.map((c) => c.length)).toEqual([10, 60]);
    s.ack(5);
    expect(channel.paused).toBe(true);
    s.ack(5);
    expect(out.map((c) => c.length)).toEqual([10, 60, 110]);
    expect(channel.paused).toBe(false);
    expect(channel.stderr.paused).toBe(false);
  });

  it('takes output only from start(), so an acknowledgement inside the sink reaches it', () => {
    const channel = new FakeChannel();
    const out: number[] = [];
    const s: TerminalSession = new TerminalSession(channel as unknown as ClientChannel, {
      cols: 80,
      rows: 24,
      sink: (c) => {
        out.push(c.length);
        s.ack(c.length);
      },
      flow: { maxBatch: 100 },
    });
    // Until start() nobody reads: ssh2 keeps the output in the channel.
    expect(channel.listenerCount('data')).toBe(0);
    expect(channel.stderr.listenerCount('data')).toBe(0);
    s.start();
    s.start();
    expect(channel.listenerCount('data')).toBe(1);
    channel.emit('data', Buffer.alloc(10));
    channel.emit('data', Buffer.alloc(20));
    // Acknowledged at once: the second chunk went straight on, nothing is outstanding.
    expect(out).toEqual([10, 20]);
    expect(s.stats).toMatchObject({ unacked: 0, sent: 30, acked: 30 });
  });

  it('takes small batches for a second after each keystroke', () => {
    vi.useFakeTimers();
    try {
      const channel = new FakeChannel();
      const s = new TerminalSession(channel as unknown as ClientChannel, {
        cols: 80,
        rows: 24,
        sink: () => {},
        flow: { maxBatch: 100, typingBatch: 10 },
      });
      s.start();
      channel.emit('data', Buffer.alloc(1)); // in the view, unacknowledged
      s.write('q');
      channel.emit('data', Buffer.alloc(10)); // half a small batch: the second batch in the view
      channel.emit('data', Buffer.alloc(10)); // a small batch held: paused
      expect(channel.paused).toBe(true);
      s.ack(21);
      expect(channel.paused).toBe(false);
      vi.advanceTimersByTime(900);
      s.write('w'); // typing on: the second counts from here
      vi.advanceTimersByTime(900);
      channel.emit('data', Buffer.alloc(10));
      channel.emit('data', Buffer.alloc(10));
      expect(channel.paused).toBe(true);
      s.ack(30);
      vi.advanceTimersByTime(200);
      // Stopped typing: 50 bytes held no longer pause the channel.
      channel.emit('data', Buffer.alloc(1));
      channel.emit('data', Buffer.alloc(50));
      channel.emit('data', Buffer.alloc(50));
      expect(s.stats.unacked).toBe(111); // 10 from before, 51 in the view, 50 held
      expect(channel.paused).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('passes keystrokes and sizes through, and ignores invalid sizes', () => {
    const { channel, s } = session();
    s.write('ls\r');
    s.resize(132, 50);
    s.resize(0, 50);
    s.resize(80.5, 24);
    expect(channel.written).toEqual(['ls\r']);
    expect(channel.windows).toEqual([[50, 132, 0, 0]]);
  });

  it('reports exit code and signal once the channel closes, after the last output', async () => {
    const out: string[] = [];
    const { channel, s } = session((c) => out.push(c.toString()));
    const seen: unknown[] = [];
    s.onExit((e) => seen.push({ ...e, outputAtExit: out.join('') }));
    channel.emit('data', Buffer.from('a'));
    channel.emit('data', Buffer.from('b')); // held until 'a' is acknowledged
    channel.emit('exit', null, 'TERM');
    channel.emit('close');
    expect(await s.exited).toEqual({ code: null, signal: 'TERM' });
    expect(seen).toEqual([{ code: null, signal: 'TERM', outputAtExit: 'ab' }]);
    // Listeners added later still hear about it; writes after close go nowhere.
    s.onExit((e) => seen.push(e));
    expect(seen).toHaveLength(2);
    s.write('x');
    expect(channel.written).toEqual([]);
  });

  it('close() drains a paused channel without waiting for acks', async () => {
    const out: Buffer[] = [];
    const { channel, s } = session((c) => out.push(c));
    channel.emit('data', Buffer.alloc(10));
    channel.emit('data', Buffer.alloc(60));
    channel.emit('data', Buffer.alloc(200));
    expect(channel.paused).toBe(true);
    const closing = s.close();
    expect(channel.paused).toBe(false);
    channel.emit('data', Buffer.alloc(200)); // the rest arrives while closing
    expect(channel.paused).toBe(false);
    await closing;
    // Everything reached the view, though it acknowledged nothing.
    expect(out.reduce((n, c) => n + c.length, 0)).toBe(470);
    expect(channel.closeCalls).toBe(1);
    expect(s.closed).toBe(true);
  });

  it('openShell asks for a pty with xterm-256color and the environment', async () => {
    const calls: unknown[] = [];
    const client = {
      shell: (win: unknown, opts: unknown, cb: (e: Error | undefined, ch: unknown) => void) => {
        calls.push([win, opts]);
        cb(undefined, new FakeChannel());
      },
    };
    const s = await openShell(
      { client: client as never, host: 'h', port: 22 },
      { cols: 100, rows: 30, env: { EMAIL: 'a@b.example' }, sink: () => {} },
    );
    expect(s).toBeInstanceOf(TerminalSession);
    expect(calls).toEqual([
      [
        { cols: 100, rows: 30, term: 'xterm-256color', width: 0, height: 0 },
        { env: { EMAIL: 'a@b.example' }, initialWindow: 256 * 1024 },
      ],
    ]);
  });

  it('resumes a channel paused on a dead view once a new view takes the session over', () => {
    const out: Buffer[] = [];
    const { channel, s } = session((c) => out.push(c));
    channel.emit('data', Buffer.alloc(60));
    channel.emit('data', Buffer.alloc(60));
    channel.emit('data', Buffer.alloc(100));
    expect(channel.paused).toBe(true);
    // The view that got the first batches is gone: nothing will acknowledge them.
    s.viewReset();
    expect(channel.paused).toBe(false);
    expect(channel.stderr.paused).toBe(false);
    expect(out.reduce((n, c) => n + c.length, 0)).toBe(220);
    expect(s.stats).toMatchObject({ unacked: 100, paused: false });
  });

  it('openShell maps a refused channel and a dead connection', async () => {
    const refusing = {
      shell: (_w: unknown, _o: unknown, cb: (e: Error) => void) => cb(new Error('Unable to open channel')),
    };
    await expect(
      openShell({ client: refusing as never, host: 'h', port: 22 }, { cols: 80, rows: 24, sink: () => {} }),
    ).rejects.toMatchObject({
      code: 'ssh.channelFailed',
      params: { host: 'h', port: 22, detail: 'Unable to open channel' },
    });
    const dead = {
      shell: () => {
        throw new Error('Not connected');
      },
    };
    await expect(
      openShell({ client: dead as never, host: 'h', port: 22 }, { cols: 80, rows: 24, sink: () => {} }),
    ).rejects.toMatchObject({
      code: 'ssh.disconnected',
      params: { host: 'h', port: 22, detail: 'Not connected' },
    });
  });
});
