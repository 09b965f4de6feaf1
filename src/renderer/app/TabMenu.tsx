// A session tab's menu (right click, Shift+F10 or the context menu key):
// Umbenennen, Duplizieren, move left or right, Schließen. WAI-ARIA menu:
// focus on the first item, arrows and Home/End move, Escape or Tab closes
// and focus returns to the tab.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

export type TabMenuAction = 'rename' | 'duplicate' | 'moveLeft' | 'moveRight' | 'close';

const actions: TabMenuAction[] = ['rename', 'duplicate', 'moveLeft', 'moveRight', 'close'];

export function TabMenu({
  name,
  at,
  canMove,
  onAction,
  onDismiss,
}: {
  /** The tab's name, naming the menu. */
  name: string;
  /** Where it opens, in viewport pixels. */
  at: { x: number; y: number };
  canMove: { left: boolean; right: boolean };
  onAction: (action: TabMenuAction) => void;
  /** `returnFocus`: closed by a key, so the focus goes back to the tab; not after a click elsewhere. */
  onDismiss: (returnFocus: boolean) => void;
}) {
  const { t } = useTranslation();
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]:not([disabled])')?.focus();
  }, []);

  const items = () => [
    ...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])') ?? []),
  ];
  const onKeyDown = (event: KeyboardEvent) => {
    const list = items();
    const current = list.indexOf(document.activeElement as HTMLElement);
    const focus = (index: number) => list[(index + list.length) % list.length]?.focus();
    if (event.key === 'ArrowDown') focus(current + 1);
    else if (event.key === 'ArrowUp') focus(current - 1);
    else if (event.key === 'Home') focus(0);
    else if (event.key === 'End') focus(list.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') onDismiss(true);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div
      ref={menu}
      role="menu"
      aria-label={t('tabs.menu', { name })}
      className="tab-menu"
      style={{ left: at.x, top: at.y }}
      onKeyDown={onKeyDown}
      // The menu key's own event (sent on release in some systems) opens no browser menu over this one.
      onContextMenu={(event) => event.preventDefault()}
      // A click elsewhere closes it, as any context menu.
      onBlur={(event) => {
        if (!menu.current?.contains(event.relatedTarget as Node | null)) onDismiss(false);
      }}
    >
      {actions.map((action) => (
        <button
          key={action}
          type="button"
          role="menuitem"
          tabIndex={-1}
          disabled={(action === 'moveLeft' && !canMove.left) || (action === 'moveRight' && !canMove.right)}
          onClick={() => onAction(action)}
        >
          {t(`tabs.${action}`)}
        </button>
      ))}
    </div>
  );
}
