import type { ComponentProps } from 'react';
import { useApp } from '../app/context';
import { Field } from './Field';

type FileFieldProps = Omit<ComponentProps<typeof Field>, 'value' | 'onChange'> & {
  value: string;
  /** Called for a typed path and for a chosen file alike. */
  onChange: (path: string) => void;
  browseLabel: string;
  /** The native dialog's title; the field's label by default. */
  dialogTitle?: string;
};

/**
 * A path field with a Browse button. Typing and choosing a file go through one
 * onChange, so a form keeps its side effects of a new path in one place. Only
 * Electron has a native file dialog; in the browser the path is typed.
 */
export function FileField({ value, onChange, browseLabel, dialogTitle, ...field }: FileFieldProps) {
  const { api, info } = useApp();
  const browse = async () => {
    const { path } = await api.dialogs.openFile({ title: dialogTitle ?? field.label });
    if (path) onChange(path);
  };
  return (
    <div className="row">
      <Field {...field} value={value} onChange={(e) => onChange(e.target.value)} />
      {info.shell === 'electron' && (
        // A failed dialog changes nothing: the path can still be typed.
        <button type="button" onClick={() => void browse().catch(() => undefined)}>
          {browseLabel}
        </button>
      )}
    </div>
  );
}
