// The tab bar: the start tab and the fixed views, then one tab per session
// with its close button. WAI-ARIA tabs: a tablist holds only tabs, so a
// session tab stands in a wrapper beside its close button and joins the
// tablist by aria-owns; the close button is no child of the tablist. Names
// stay on one line (long ones cut, the full name as title) and the strip
// scrolls sideways, keeping the active tab in view.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionState } from '../../shared/contract/sessions';

export interface SessionTabLabel {
  id: number;
  /** The profile's name, or the host of a quick connect. */
  title: string;
  /** The remote user, shown beside the title. */
  user: string;
  state: SessionState['state'];
}

const sessionTabId = (id: number) => `session-tab-${id}`;

/**
 * Scrolls the strip (no further than needed) so the selected tab shows, e.g.
 * one just opened; a session tab with its close button.
 */
export function scrollActiveTabIntoView(strip: ParentNode): void {
  const tab = strip.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]');
  (tab?.closest<HTMLElement>('.tab') ?? tab)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

export function TabBar({
  views,
  sessions,
  active,
  onSelect,
  onClose,
}: {
  /** The start tab and the fixed views, each with its name in the user's language. */
  views: Array<{ id: number; name: string }>;
  sessions: SessionTabLabel[];
  active: number;
  onSelect: (id: number) => void;
  onClose: (id: number) => void;
}) {
  const { t } = useTranslation();
  const strip = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (strip.current) scrollActiveTabIntoView(strip.current);
  }, [active]);
  return (
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
      {sessions.map((session) => (
        <span key={session.id} className={`tab state-${session.state}`}>
          <button
            id={sessionTabId(session.id)}
            type="button"
            role="tab"
            aria-selected={active === session.id}
            // The name may be cut to fit; the tooltip shows it whole (its accessible name is the text itself).
            title={`${session.title} ${session.user}`}
            onClick={() => onSelect(session.id)}
          >
            {session.title} <span className="tab-user">{session.user}</span>
          </button>
          <button
            type="button"
            className="tab-close"
            aria-label={t('terminal.closeTab', { name: session.title })}
            onClick={() => onClose(session.id)}
          >
            ×
          </button>
        </span>
      ))}
    </div>
  );
}
