import { useId } from 'react';

/** A labelled checkbox; its hint (e.g. a warning) is read with it. */
export function Checkbox({
  label,
  hint,
  warning = false,
  checked,
  onChange,
}: {
  label: string;
  hint?: string;
  /** Shows the hint as a warning (still read as the checkbox's description). */
  warning?: boolean;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="checkbox-field">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={checked}
          aria-describedby={hint ? hintId : undefined}
          onChange={(e) => onChange(e.target.checked)}
        />
        <span>{label}</span>
      </label>
      {hint && (
        <small id={hintId} className={warning ? 'hint warning' : 'hint'}>
          {hint}
        </small>
      )}
    </div>
  );
}
