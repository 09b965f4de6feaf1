// The session tabs' reducer: open, close (who is selected after), rename
// (back to the profile's name when emptied), duplicate (beside the original,
// its own name, a new session), move by place, by step and by drop, select by
// id, by step round the end and by number.
import { describe, expect, it } from 'vitest';
import {
  dropIndex,
  initialTabs,
  MAX_TAB_TITLE,
  tabsReducer,
  type NewTab,
  type TabAction,
  type TabsState,
} from '../../../src/renderer/app/tabs';

const tab = (title: string): NewTab => ({
  target: { profileId: `p-${title}` },
  title,
  host: `${title}.de`,
  user: 'iserv-max.mustermann',
  autoReconnect: false,
});

const run = (state: TabsState, ...actions: TabAction[]) => actions.reduce(tabsReducer, state);
const titles = (state: TabsState) => state.tabs.map((x) => x.title);

/** Three tabs a, b, c (ids 1, 2, 3), c selected. */
const three = () =>
  run(
    initialTabs,
    { type: 'open', tab: tab('a') },
    { type: 'open', tab: tab('b') },
    { type: 'open', tab: tab('c') },
  );

describe('opening and closing', () => {
  it('opens at the end, connecting, and selects the new tab', () => {
    const state = three();
    expect(titles(state)).toEqual(['a', 'b', 'c']);
    expect(state.tabs.map((x) => [x.id, x.state])).toEqual([
      [1, 'connecting'],
      [2, 'connecting'],
      [3, 'connecting'],
    ]);
    expect(state.active).toBe(3);
  });

  it('selects the right neighbour of a closed selected tab, else the left one, else Start', () => {
    let state = run(three(), { type: 'select', id: 2 }, { type: 'close', id: 2 });
    expect(titles(state)).toEqual(['a', 'c']);
    expect(state.active).toBe(3);
    state = run(state, { type: 'close', id: 3 });
    expect(state.active).toBe(1);
    state = run(state, { type: 'close', id: 1 });
    expect(state).toMatchObject({ tabs: [], active: 0 });
  });

  it('keeps the selection when another tab closes, also a fixed view', () => {
    expect(run(three(), { type: 'select', id: 1 }, { type: 'close', id: 3 }).active).toBe(1);
    expect(run(three(), { type: 'select', id: -2 }, { type: 'close', id: 3 }).active).toBe(-2);
  });

  it('never gives an id twice, also after closing', () => {
    const state = run(three(), { type: 'close', id: 3 }, { type: 'open', tab: tab('d') });
    expect(state.tabs.map((x) => x.id)).toEqual([1, 2, 4]);
  });

  it('ignores actions for tabs that are gone', () => {
    const state = three();
    for (const action of [
      { type: 'close', id: 9 },
      { type: 'rename', id: 9, title: 'x' },
      { type: 'duplicate', id: 9 },
      { type: 'move', id: 9, to: 0 },
      { type: 'moveBy', id: 9, by: 1 },
      { type: 'state', id: 9, state: 'connected' },
    ] as TabAction[])
      expect(tabsReducer(state, action)).toBe(state);
  });
});

describe('rename', () => {
  it('takes the trimmed name and gives the profile name back when emptied', () => {
    let state = run(three(), { type: 'rename', id: 2, title: '  Schule Nord  ' });
    expect(titles(state)).toEqual(['a', 'Schule Nord', 'c']);
    state = run(state, { type: 'rename', id: 2, title: '   ' });
    expect(titles(state)).toEqual(['a', 'b', 'c']);
  });

  it('cuts a very long name', () => {
    const state = run(three(), { type: 'rename', id: 1, title: 'x'.repeat(500) });
    expect(state.tabs[0]!.title).toHaveLength(MAX_TAB_TITLE);
  });
});

describe('duplicate', () => {
  it('opens the same target beside the original, connecting, selected, under the profile name', () => {
    let state = run(
      three(),
      { type: 'state', id: 1, state: 'connected' },
      { type: 'rename', id: 1, title: 'Meins' },
    );
    state = run(state, { type: 'duplicate', id: 1 });
    expect(titles(state)).toEqual(['Meins', 'a', 'b', 'c']);
    const [original, copy] = state.tabs;
    expect(copy).toMatchObject({
      id: 4,
      state: 'connecting',
      target: original!.target,
      host: 'a.de',
      user: original!.user,
    });
    expect(state.active).toBe(4);
  });
});

describe('move', () => {
  it('moves to a place, clamped to the strip', () => {
    expect(titles(run(three(), { type: 'move', id: 3, to: 0 }))).toEqual(['c', 'a', 'b']);
    expect(titles(run(three(), { type: 'move', id: 1, to: 99 }))).toEqual(['b', 'c', 'a']);
    expect(titles(run(three(), { type: 'move', id: 2, to: -5 }))).toEqual(['b', 'a', 'c']);
  });

  it('moves by a step and stays put at the ends (the same state, no render)', () => {
    const state = three();
    expect(titles(run(state, { type: 'moveBy', id: 2, by: -1 }))).toEqual(['b', 'a', 'c']);
    expect(titles(run(state, { type: 'moveBy', id: 2, by: 1 }))).toEqual(['a', 'c', 'b']);
    expect(tabsReducer(state, { type: 'moveBy', id: 1, by: -1 })).toBe(state);
    expect(tabsReducer(state, { type: 'moveBy', id: 3, by: 1 })).toBe(state);
  });

  it('keeps the selection and the ids when moving', () => {
    const state = run(three(), { type: 'select', id: 2 }, { type: 'move', id: 2, to: 2 });
    expect(state.active).toBe(2);
    expect(state.tabs.map((x) => x.id)).toEqual([1, 3, 2]);
  });
});

describe('dropIndex', () => {
  const tabs = three().tabs; // a(1) b(2) c(3)
  const dropped = (dragged: number, target: number, after: boolean) =>
    titles(run(three(), { type: 'move', id: dragged, to: dropIndex(tabs, dragged, target, after) }));

  it('puts the dragged tab before or after the one it was dropped on, either way', () => {
    expect(dropped(1, 3, false)).toEqual(['b', 'a', 'c']);
    expect(dropped(1, 3, true)).toEqual(['b', 'c', 'a']);
    expect(dropped(3, 1, false)).toEqual(['c', 'a', 'b']);
    expect(dropped(3, 1, true)).toEqual(['a', 'c', 'b']);
    expect(dropped(1, 2, false)).toEqual(['a', 'b', 'c']);
    expect(dropped(2, 2, true)).toEqual(['a', 'b', 'c']);
  });
});

describe('select', () => {
  it('goes round the session tabs by step', () => {
    const state = run(three(), { type: 'select', id: 1 });
    expect(run(state, { type: 'selectBy', by: 1 }).active).toBe(2);
    expect(run(state, { type: 'selectBy', by: -1 }).active).toBe(3);
    expect(run(state, { type: 'select', id: 3 }, { type: 'selectBy', by: 1 }).active).toBe(1);
  });

  it('follows the strip order, not the opening order', () => {
    const state = run(three(), { type: 'move', id: 3, to: 0 }, { type: 'select', id: 3 });
    expect(run(state, { type: 'selectBy', by: 1 }).active).toBe(1);
  });

  it('from Start or a fixed view goes to the first (forward) or last (back) session tab', () => {
    expect(run(three(), { type: 'select', id: 0 }, { type: 'selectBy', by: 1 }).active).toBe(1);
    expect(run(three(), { type: 'select', id: -3 }, { type: 'selectBy', by: -1 }).active).toBe(3);
  });

  it('does nothing by step without session tabs', () => {
    expect(tabsReducer(initialTabs, { type: 'selectBy', by: 1 })).toBe(initialTabs);
  });

  it('selects the n-th tab, -1 the last, and nothing past the end', () => {
    const state = run(three(), { type: 'select', id: 0 });
    expect(run(state, { type: 'selectNth', index: 1 }).active).toBe(2);
    expect(run(state, { type: 'selectNth', index: -1 }).active).toBe(3);
    expect(tabsReducer(state, { type: 'selectNth', index: 5 })).toBe(state);
  });
});

describe('state', () => {
  it('sets one tab state and returns the same state when nothing changes', () => {
    const state = run(three(), { type: 'state', id: 2, state: 'waitingForApproval' });
    expect(state.tabs.map((x) => x.state)).toEqual(['connecting', 'waitingForApproval', 'connecting']);
    expect(tabsReducer(state, { type: 'state', id: 2, state: 'waitingForApproval' })).toBe(state);
  });
});
