// One row of the import preview: a labelled checkbox, what the item is, and
// its status in words (never by colour alone), read out with the checkbox.
import { useId, type ReactNode } from 'react';

/** warning: importing replaces something stored; danger: it replaces a host key (maybe an attack). */
export type ItemTone = 'plain' | 'warning' | 'danger';

export function ImportItem({
  label,
  status,
  tone = 'plain',
  announce = false,
  checked,
  disabled,
  onChange,
  children,
}: {
  /** The checkbox's accessible name. */
  label: ReactNode;
  status: string;
  tone?: ItemTone;
  /** The status changes with the tick (a conflict): said again when it does. */
  announce?: boolean;
  checked: boolean;
  disabled: boolean;
  onChange: (checked: boolean) => void;
  children?: ReactNode;
}) {
  const id = useId();
  const statusId = `${id}-status`;
  const detailsId = `${id}-details`;
  return (
    <li className={`import-item tone-${tone}`}>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={checked}
          disabled={disabled}
          aria-describedby={children ? `${statusId} ${detailsId}` : statusId}
          onChange={(e) => onChange(e.target.checked)}
        />
        <span className="import-label">{label}</span>
      </label>
      <p id={statusId} className="import-status" aria-live={announce ? 'polite' : undefined}>
        {status}
      </p>
      {children && (
        <div id={detailsId} className="import-details">
          {children}
        </div>
      )}
    </li>
  );
}
