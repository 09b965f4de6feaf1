// Where a remembered window may open: fully on a screen that exists now. A
// monitor unplugged since, a changed resolution or a laptop without its dock
// would otherwise open the window where nobody can see or grab it.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A screen as Electron's `screen.getAllDisplays()` describes it; the work area leaves out task bar and dock. */
export interface DisplayArea {
  workArea: Rect;
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Distance from the window's centre to the nearest point of the area. */
function distance(bounds: Rect, area: Rect): number {
  const cx = bounds.x + bounds.width / 2;
  const cy = bounds.y + bounds.height / 2;
  const dx = Math.max(area.x - cx, 0, cx - (area.x + area.width));
  const dy = Math.max(area.y - cy, 0, cy - (area.y + area.height));
  return Math.hypot(dx, dy);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/**
 * The remembered bounds moved (and if need be shrunk) into the work area of
 * the screen that shows most of the window, or the nearest one when none
 * does. Bounds already fully on a screen come back unchanged; with no screen
 * known (or no usable bounds) the answer is undefined: let the window open
 * at its default place.
 */
export function keepOnScreen(bounds: Rect | undefined, displays: DisplayArea[]): Rect | undefined {
  if (!bounds || displays.length === 0) return undefined;
  if (![bounds.x, bounds.y, bounds.width, bounds.height].every(Number.isFinite)) return undefined;
  if (bounds.width <= 0 || bounds.height <= 0) return undefined;
  const areas = displays.map((d) => d.workArea);
  const byOverlap = areas.map((area) => ({ area, shown: overlap(bounds, area) }));
  const best = byOverlap.reduce((a, b) => (b.shown > a.shown ? b : a));
  const area =
    best.shown > 0 ? best.area : areas.reduce((a, b) => (distance(bounds, b) < distance(bounds, a) ? b : a));
  const width = Math.min(bounds.width, area.width);
  const height = Math.min(bounds.height, area.height);
  return {
    x: clamp(bounds.x, area.x, area.x + area.width - width),
    y: clamp(bounds.y, area.y, area.y + area.height - height),
    width,
    height,
  };
}
