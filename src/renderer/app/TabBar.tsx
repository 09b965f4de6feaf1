// The tab bar: the start tab and the fixed views, then one tab per session
// with its close button. WAI-ARIA tabs: a tablist holds only tabs, so a
// session tab stands in a wrapper beside its close button and joins the
// tablist by aria-owns; the close button is no child of the tablist. Names
// stay on one line (long ones cut, the full name as title) and the strip
// scrolls sideways, keeping the active tab in view.
// A session tab shows its state by a mark and says it in its description
// (never by colour alone); it is dragged to a new place, renamed in place
// (double click or F2: Enter keeps, Escape drops) and has a menu (right
// click, Shift+F10 or the context menu key).
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isMac } from './shortcuts';
import { dropIndex, MAX_TAB_TITLE, type SessionTabLabel } from './tabs';
import { TabMenu, type TabMenuAction } from './TabMenu';

export type { SessionTabLabel } from './tabs';

const sessionTabId = (id: number) => `session-tab-${id}`;
const descriptionId = (id: number) => `session-tab-${id}-description`;

/** The mark before a session tab's name: a shape per state, so it reads without colour. */
export const stateMarks: Record<SessionTabLabel['state'], string> = {
  connecting: '◌',
  authenticating: '◌',
  waitingForApproval: '⧖',
  connected: '●',
  disconnected: '○',
};

/**
 * Scrolls the strip (no further than needed) so the selected tab shows, e.g.
 * one just opened; a session tab with its close button.
 */
export function scrollActiveTabIntoView(strip: ParentNode): void {
  const tab = strip.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]');
  (tab?.closest<HTMLElement>('.tab') ?? tab)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

/** The session tab being dragged, and where it would land. */
interface Drag {
  id: number;
  over?: { id: number; after: boolean };
}

export function TabBar({
  views,
  sessions,
  active,
  platform,
  onSelect,
  onClose,
  onRename,
  onDuplicate,
  onMove,
}: {
  /** The start tab and the fixed views, each with its name in the user's language. */
  views: Array<{ id: number; name: string }>;
  sessions: SessionTabLabel[];
  active: number;
  /** Node's platform name, for the keys the tabs' descriptions name. */
  platform: string;
  onSelect: (id: number) => void;
  onClose: (id: number) => void;
  onRename: (id: number, title: string) => void;
  onDuplicate: (id: number) => void;
  /** To the place `to` (0-based) among the session tabs. */
  onMove: (id: number, to: number) => void;
}) {
  const { t } = useTranslation();
  const strip = useRef<HTMLDivElement>(null);
  const [editing, setEditing] = useState<number>();
  const [menu, setMenu] = useState<{ id: number; x: number; y: number }>();
  const [drag, setDrag] = useState<Drag>();
  /** The tab whose button takes the focus back once rename or menu are done. */
  const refocus = useRef<number>(undefined);
  useEffect(() => {
    if (strip.current) scrollActiveTabIntoView(strip.current);
  }, [active]);
  useEffect(() => {
    if (refocus.current === undefined) return;
    document.getElementById(sessionTabId(refocus.current))?.focus();
    refocus.current = undefined;
  });

  const keysHint = t(isMac(platform) ? 'tabs.keys.mac' : 'tabs.keys.pc');
  const menuTab = menu && sessions.find((session) => session.id === menu.id);
  const menuIndex = menuTab ? sessions.indexOf(menuTab) : -1;

  const openMenuAt = (id: number, x: number, y: number) => {
    setEditing(undefined);
    setMenu({ id, x, y });
  };
  const openMenuBelow = (id: number) => {
    const rect = document.getElementById(sessionTabId(id))?.getBoundingClientRect();
    openMenuAt(id, rect?.left ?? 0, rect?.bottom ?? 0);
  };
  const onMenu = (action: TabMenuAction) => {
    const id = menu!.id;
    setMenu(undefined);
    if (action === 'rename') return setEditing(id);
    refocus.current = id;
    if (action === 'duplicate') onDuplicate(id);
    else if (action === 'moveLeft') onMove(id, menuIndex - 1);
    else if (action === 'moveRight') onMove(id, menuIndex + 1);
    else onClose(id);
  };
  const finishRename = (id: number, title: string | undefined) => {
    setEditing(undefined);
    refocus.current = id;
    if (title !== undefined) onRename(id, title);
  };
  const onTabKeyDown = (event: KeyboardEvent, id: number) => {
    const plain = !event.ctrlKey && !event.altKey && !event.metaKey;
    if (plain && !event.shiftKey && event.key === 'F2') setEditing(id);
    else if ((plain && event.shiftKey && event.key === 'F10') || event.key === 'ContextMenu')
      openMenuBelow(id);
    else return;
    event.preventDefault();
  };

  const dragHandlers = (id: number) => ({
    onDragStart: (event: DragEvent) => {
      event.dataTransfer.effectAllowed = 'move';
      // Some browsers start no drag without data.
      event.dataTransfer.setData('text/plain', String(id));
      setDrag({ id });
    },
    onDragOver: (event: DragEvent) => {
      if (!drag) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      const rect = event.currentTarget.getBoundingClientRect();
      const after = event.clientX > rect.left + rect.width / 2;
      if (drag.over?.id !== id || drag.over.after !== after) setDrag({ id: drag.id, over: { id, after } });
    },
    onDrop: (event: DragEvent) => {
      if (!drag) return;
      event.preventDefault();
      const after = drag.over?.id === id ? drag.over.after : false;
      if (drag.id !== id) onMove(drag.id, dropIndex(sessions, drag.id, id, after));
      setDrag(undefined);
    },
    onDragEnd: () => setDrag(undefined),
  });

  return (
    <>
      <div className="tabs" ref={strip}>
        <div
          role="tablist"
          aria-label={t('app.tabs')}
          aria-owns={sessions.map((session) => sessionTabId(session.id)).join(' ') || undefined}
        >
          {views.map((view) => (
            <button
              key={view.id}
              type="button"
              role="tab"
              aria-selected={active === view.id}
              onClick={() => onSelect(view.id)}
            >
              {view.name}
            </button>
          ))}
        </div>
        {sessions.map((session) => {
          const stateText = t(`tabs.state.${session.state}`);
          const dropMark =
            drag?.over?.id === session.id && drag.id !== session.id
              ? drag.over.after
                ? ' drop-after'
                : ' drop-before'
              : '';
          return (
            <span
              key={session.id}
              className={`tab state-${session.state}${drag?.id === session.id ? ' dragging' : ''}${dropMark}`}
              draggable={editing !== session.id}
              {...dragHandlers(session.id)}
            >
              {editing === session.id ? (
                <RenameField
                  title={session.title}
                  label={t('tabs.renameLabel', { name: session.title })}
                  onDone={(title) => finishRename(session.id, title)}
                />
              ) : (
                <button
                  id={sessionTabId(session.id)}
                  type="button"
                  role="tab"
                  aria-selected={active === session.id}
                  aria-describedby={descriptionId(session.id)}
                  // The name may be cut to fit; the tooltip shows it whole (its accessible name is the text itself).
                  title={`${session.title} ${session.user} · ${stateText}`}
                  onClick={() => onSelect(session.id)}
                  onDoubleClick={() => setEditing(session.id)}
                  onKeyDown={(event) => onTabKeyDown(event, session.id)}
                  onContextMenu={(event) => {
                    event.preventDefault();
                    // The menu key and Shift+F10 may send this too: then below the tab, not at the corner.
                    if (event.button === 2) openMenuAt(session.id, event.clientX, event.clientY);
                    else openMenuBelow(session.id);
                  }}
                >
                  <span className="tab-mark" aria-hidden="true">
                    {stateMarks[session.state]}
                  </span>{' '}
                  {session.title} <span className="tab-user">{session.user}</span>
                </button>
              )}
              <span id={descriptionId(session.id)} hidden>
                {`${stateText}. ${keysHint}`}
              </span>
              <button
                type="button"
                className="tab-close"
                aria-label={t('terminal.closeTab', { name: session.title })}
                onClick={() => onClose(session.id)}
              >
                ×
              </button>
            </span>
          );
        })}
      </div>
      {menu && menuTab && (
        <TabMenu
          name={menuTab.title}
          at={menu}
          canMove={{ left: menuIndex > 0, right: menuIndex < sessions.length - 1 }}
          onAction={onMenu}
          onDismiss={(returnFocus) => {
            setMenu(undefined);
            if (returnFocus) refocus.current = menu.id;
          }}
        />
      )}
    </>
  );
}

/** The tab's name as a text field: Enter or leaving it keeps the name, Escape drops it. */
function RenameField({
  title,
  label,
  onDone,
}: {
  title: string;
  label: string;
  onDone: (title: string | undefined) => void;
}) {
  const field = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => field.current?.select(), []);
  const finish = (title: string | undefined) => {
    if (done.current) return;
    done.current = true;
    onDone(title);
  };
  return (
    <input
      ref={field}
      className="tab-rename"
      aria-label={label}
      defaultValue={title}
      maxLength={MAX_TAB_TITLE}
      // Opened on purpose by F2, a double click or the menu.
      autoFocus
      onKeyDown={(event) => {
        if (event.key === 'Enter') finish(event.currentTarget.value);
        else if (event.key === 'Escape') finish(undefined);
        else return;
        event.preventDefault();
        event.stopPropagation();
      }}
      onBlur={(event) => finish(event.currentTarget.value)}
    />
  );
}
