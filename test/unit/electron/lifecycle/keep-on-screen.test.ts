// Remembered window bounds kept on a screen that exists now.
import { describe, expect, it } from 'vitest';
import { keepOnScreen } from '../../../../src/main/electron/lifecycle/keep-on-screen';

const laptop = { workArea: { x: 0, y: 0, width: 1440, height: 860 } };
// A monitor to the right of the laptop, taller, top aligned.
const monitor = { workArea: { x: 1440, y: 0, width: 2560, height: 1400 } };

describe('keepOnScreen', () => {
  it('keeps bounds that lie fully on a screen', () => {
    const bounds = { x: 100, y: 50, width: 1000, height: 700 };
    expect(keepOnScreen(bounds, [laptop])).toEqual(bounds);
    const onMonitor = { x: 2000, y: 200, width: 1200, height: 900 };
    expect(keepOnScreen(onMonitor, [laptop, monitor])).toEqual(onMonitor);
  });

  it('moves a window that lies off every screen onto the nearest one', () => {
    expect(keepOnScreen({ x: -3000, y: 200, width: 800, height: 600 }, [laptop, monitor])).toEqual({
      x: 0,
      y: 200,
      width: 800,
      height: 600,
    });
    expect(keepOnScreen({ x: 5000, y: 5000, width: 800, height: 600 }, [laptop, monitor])).toEqual({
      x: 4000 - 800,
      y: 1400 - 600,
      width: 800,
      height: 600,
    });
  });

  it('pulls a partly visible window fully onto the screen showing most of it', () => {
    // Mostly on the laptop, a strip over the bottom edge.
    expect(keepOnScreen({ x: 200, y: 500, width: 800, height: 600 }, [laptop, monitor])).toEqual({
      x: 200,
      y: 260,
      width: 800,
      height: 600,
    });
    // Across both screens, more of it on the monitor: it goes there.
    expect(keepOnScreen({ x: 1240, y: 100, width: 1000, height: 600 }, [laptop, monitor])).toEqual({
      x: 1440,
      y: 100,
      width: 1000,
      height: 600,
    });
  });

  it('brings a window back from a screen that was unplugged', () => {
    const wasOnMonitor = { x: 2000, y: 300, width: 1200, height: 800 };
    expect(keepOnScreen(wasOnMonitor, [laptop])).toEqual({ x: 240, y: 60, width: 1200, height: 800 });
  });

  it('shrinks a window larger than the screen to its work area', () => {
    expect(keepOnScreen({ x: 1500, y: 0, width: 2400, height: 1300 }, [laptop])).toEqual({
      x: 0,
      y: 0,
      width: 1440,
      height: 860,
    });
  });

  it('leaves the default place when nothing usable is known', () => {
    expect(keepOnScreen(undefined, [laptop])).toBeUndefined();
    expect(keepOnScreen({ x: 0, y: 0, width: 800, height: 600 }, [])).toBeUndefined();
    expect(keepOnScreen({ x: 0, y: 0, width: 0, height: 600 }, [laptop])).toBeUndefined();
    expect(keepOnScreen({ x: Number.NaN, y: 0, width: 800, height: 600 }, [laptop])).toBeUndefined();
  });

  it('respects a work area that does not start at 0 (a task bar on the left or top)', () => {
    const withBar = { workArea: { x: 48, y: 30, width: 1872, height: 1050 } };
    expect(keepOnScreen({ x: 0, y: 0, width: 800, height: 600 }, [withBar])).toEqual({
      x: 48,
      y: 30,
      width: 800,
      height: 600,
    });
  });
});
