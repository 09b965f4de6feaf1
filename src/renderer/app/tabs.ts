// The session tabs as a pure reducer: which are open, in which order, under
// which name, in which state, and which tab of the strip is selected. App.tsx
// only wires it; whether a live tab may close is asked before `close`.
import type { SessionState, SessionTarget } from '../../shared/contract/sessions';

/** What the tab strip shows of a session tab. */
export interface SessionTabLabel {
  id: number;
  /** The profile's name, the host of a quick connect, or the name the user gave the tab. */
  title: string;
  /** The remote user, shown beside the title. */
  user: string;
  state: SessionState['state'];
}

export interface SessionTab extends SessionTabLabel {
  target: SessionTarget;
  /** The name the tab got when opened (the profile's name or the quick connect's host); a rename to nothing returns to it. */
  defaultTitle: string;
  /** Where it connects, for the status before the first hop is known. */
  host: string;
  /** The profile's autoReconnect when the tab was opened. */
  autoReconnect: boolean;
  /**
   * A session that runs already and that this tab takes over (`sessions.attach`)
   * instead of opening one: after a reload, a crash, a browser tab opened again.
   */
  attach?: string;
}

export type NewTab = Omit<SessionTab, 'id' | 'state' | 'defaultTitle'>;

export interface TabsState {
  tabs: SessionTab[];
  /** The selected tab of the strip: a session tab's id, 0 for Start, negative for a fixed view. */
  active: number;
  nextId: number;
}

export type TabAction =
  | { type: 'open'; tab: NewTab }
  | { type: 'close'; id: number }
  | { type: 'rename'; id: number; title: string }
  | { type: 'duplicate'; id: number }
  /** To the place `to` (0-based) among the session tabs. */
  | { type: 'move'; id: number; to: number }
  | { type: 'moveBy'; id: number; by: number }
  | { type: 'select'; id: number }
  /** The next (1) or previous (-1) session tab, round the end. */
  | { type: 'selectBy'; by: number }
  /** The n-th session tab (0-based); -1 for the last. */
  | { type: 'selectNth'; index: number }
  | { type: 'state'; id: number; state: SessionState['state'] };

export const initialTabs: TabsState = { tabs: [], active: 0, nextId: 1 };

/** The longest name a tab takes; the strip cuts what shows anyway. */
export const MAX_TAB_TITLE = 100;

function moved(tabs: SessionTab[], from: number, to: number): SessionTab[] {
  const target = Math.max(0, Math.min(tabs.length - 1, to));
  if (from < 0 || target === from) return tabs;
  const list = [...tabs];
  const [tab] = list.splice(from, 1);
  list.splice(target, 0, tab!);
  return list;
}

export function tabsReducer(state: TabsState, action: TabAction): TabsState {
  const index = 'id' in action ? state.tabs.findIndex((tab) => tab.id === action.id) : -1;
  switch (action.type) {
    case 'open': {
      const tab: SessionTab = {
        ...action.tab,
        id: state.nextId,
        state: 'connecting',
        defaultTitle: action.tab.title,
      };
      return { tabs: [...state.tabs, tab], active: tab.id, nextId: state.nextId + 1 };
    }
    case 'duplicate': {
      if (index < 0) return state;
      // A new session to the same target (never the original's session); a name the user gave stays its own.
      const { attach: _session, ...original } = state.tabs[index]!;
      const copy: SessionTab = {
        ...original,
        id: state.nextId,
        title: original.defaultTitle,
        state: 'connecting',
      };
      const tabs = [...state.tabs];
      tabs.splice(index + 1, 0, copy);
      return { tabs, active: copy.id, nextId: state.nextId + 1 };
    }
    case 'close': {
      if (index < 0) return state;
      const tabs = state.tabs.filter((tab) => tab.id !== action.id);
      // As browsers do: the neighbour on the right takes the place, else the one on the left, else Start.
      const next = tabs[index] ?? tabs[index - 1];
      const active = state.active === action.id ? (next?.id ?? 0) : state.active;
      return { ...state, tabs, active };
    }
    case 'rename': {
      if (index < 0) return state;
      const title = action.title.trim().slice(0, MAX_TAB_TITLE);
      return {
        ...state,
        tabs: state.tabs.map((tab) =>
          tab.id === action.id ? { ...tab, title: title || tab.defaultTitle } : tab,
        ),
      };
    }
    case 'move': {
      const tabs = moved(state.tabs, index, action.to);
      return tabs === state.tabs ? state : { ...state, tabs };
    }
    case 'moveBy': {
      const tabs = moved(state.tabs, index, index + action.by);
      return tabs === state.tabs ? state : { ...state, tabs };
    }
    case 'select':
      return state.active === action.id ? state : { ...state, active: action.id };
    case 'selectBy': {
      const count = state.tabs.length;
      if (count === 0) return state;
      const current = state.tabs.findIndex((tab) => tab.id === state.active);
      // From Start or a fixed view, forward goes to the first session tab and back to the last.
      const to =
        current < 0 ? (action.by > 0 ? 0 : count - 1) : (((current + action.by) % count) + count) % count;
      return { ...state, active: state.tabs[to]!.id };
    }
    case 'selectNth': {
      const tab = action.index < 0 ? state.tabs.at(-1) : state.tabs[action.index];
      return tab ? { ...state, active: tab.id } : state;
    }
    case 'state':
      if (index < 0 || state.tabs[index]!.state === action.state) return state;
      return {
        ...state,
        tabs: state.tabs.map((tab) => (tab.id === action.id ? { ...tab, state: action.state } : tab)),
      };
  }
}

/**
 * The place a tab dragged onto another takes: before or after the one it was
 * dropped on, counted among the session tabs as they stand without it.
 */
export function dropIndex(
  tabs: SessionTabLabel[],
  draggedId: number,
  targetId: number,
  after: boolean,
): number {
  const from = tabs.findIndex((tab) => tab.id === draggedId);
  const target = tabs.findIndex((tab) => tab.id === targetId);
  if (from < 0 || target < 0) return Math.max(from, 0);
  const place = target + (after ? 1 : 0);
  return from < place ? place - 1 : place;
}
