// The window's place is remembered in its own document, atomically, and survives a corrupt file.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openWindowState, roundBounds } from '../../../../src/main/electron/lifecycle/window-state';
import { nodeConfFactory } from '../../../../src/main/storage/node-conf';

const log = { error: vi.fn(), warn: vi.fn(), info: vi.fn(), debug: vi.fn() };
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'fw-window-state-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('window state', () => {
  it('starts with no bounds and remembers what was written across opens', () => {
    const dir = tempDir();
    const first = openWindowState(nodeConfFactory, dir, log);
    expect(first.read()).toEqual({ schemaVersion: 1, maximized: false, closeNoticeShown: false });
    first.write({ ...first.read(), bounds: { x: 10, y: 20, width: 900, height: 600 }, maximized: true });
    const again = openWindowState(nodeConfFactory, dir, log);
    expect(again.read().bounds).toEqual({ x: 10, y: 20, width: 900, height: 600 });
    expect(again.read().maximized).toBe(true);
    expect(readdirSync(dir)).toContain('window-state.json');
  });

  it('moves a corrupt file aside and starts from the defaults', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'window-state.json'), '{"schemaVersion":1,"bounds":');
    const state = openWindowState(nodeConfFactory, dir, log);
    expect(state.read().bounds).toBeUndefined();
    expect(readdirSync(dir).some((f) => f.startsWith('window-state.json.corrupt-'))).toBe(true);
    expect(log.warn).toHaveBeenCalled();
  });

  it('rounds fractional bounds of a scaled screen', () => {
    expect(roundBounds({ x: 10.4, y: 20.6, width: 900.5, height: 0.2 })).toEqual({
      x: 10,
      y: 21,
      width: 901,
      height: 1,
    });
  });
});
