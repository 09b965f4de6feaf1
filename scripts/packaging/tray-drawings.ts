// The tray icon in the agent's three states, drawn here as SVG on a 16-unit
// grid so the strokes land on whole pixels at 16 and 32 px. A badge in the
// lower right tells the states apart; the app icon (assets/icon.svg) is too
// detailed to read at 16 px.

export type TrayState = 'nokey' | 'loaded' | 'locked';
export const trayStates: readonly TrayState[] = ['nokey', 'loaded', 'locked'];

/**
 * `color`: Windows and Linux. The tile carries its own background, so it reads
 * on light and dark task bars alike. `template`: macOS menu bar, black with
 * alpha only; macOS tints it for light and dark menu bars.
 */
export type TrayStyle = 'color' | 'template';

const prompt = 'M4 4.5 L7.5 8 L4 11.5';
// The badge's place; the tile is cut away around it so the badge stays
// apart from the tile in a one-colour template image.
const badge = { cx: 12, cy: 12, r: 3.5, gap: 1.25 };

function badgeShape(state: TrayState, fill: string, detail: string): string {
  if (state === 'loaded') return `<circle cx="${badge.cx}" cy="${badge.cy}" r="${badge.r}" fill="${fill}"/>`;
  if (state === 'locked') {
    // A padlock: shackle above a body.
    return (
      `<path d="M10.25 11.5 V10 a1.75 1.75 0 0 1 3.5 0 V11.5" fill="none" stroke="${fill}" stroke-width="1.25"/>` +
      `<rect x="9" y="11" width="6" height="4.5" rx="1" fill="${fill}"/>` +
      (detail ? `<rect x="11.5" y="12.5" width="1" height="1.5" fill="${detail}"/>` : '')
    );
  }
  return '';
}

function cutOut(state: TrayState): string {
  if (state === 'nokey') return '';
  return (
    `<mask id="cut"><rect width="16" height="16" fill="#fff"/>` +
    `<circle cx="${badge.cx}" cy="${badge.cy}" r="${badge.r + badge.gap}" fill="#000"/></mask>`
  );
}

export function trayIconSvg(state: TrayState, style: TrayStyle): string {
  const mask = state === 'nokey' ? '' : ' mask="url(#cut)"';
  let body: string;
  if (style === 'color') {
    // No key: a grey tile, like an agent that has nothing to offer yet.
    const tile = state === 'nokey' ? '#6e7681' : '#0b63c4';
    const badgeFill = state === 'loaded' ? '#2ea043' : '#d29922';
    body =
      `<g${mask}><rect x="0.5" y="0.5" width="15" height="15" rx="3" fill="${tile}"/>` +
      `<path d="${prompt}" fill="none" stroke="#ffffff" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round"/></g>` +
      badgeShape(state, badgeFill, '#ffffff');
  } else {
    // No key: the same outline, faint, as macOS shows an idle menu bar item.
    const opacity = state === 'nokey' ? ' opacity="0.5"' : '';
    body =
      `<g${mask}${opacity}><rect x="1.25" y="2.25" width="13.5" height="11.5" rx="2.25" fill="none" stroke="#000" stroke-width="1.5"/>` +
      `<path d="${prompt}" fill="none" stroke="#000" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"/></g>` +
      badgeShape(state, '#000', '');
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16" width="16" height="16">${cutOut(state)}${body}</svg>\n`;
}
