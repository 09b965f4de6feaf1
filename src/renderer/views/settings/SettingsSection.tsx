// One part of the settings (the person, terminal, logging …): its own form,
// checked and saved on its own, so a half-typed field elsewhere never blocks
// it. Errors show after the first attempt to save, as in first use.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings, SettingsUpdate } from '../../../shared/model/settings';
import { useApp } from '../../app/context';
import { useErrorText } from '../../components/errors';
import { ErrorMessage } from '../../components/Messages';

export function SettingsSection({
  title,
  intro,
  check,
  onSaved,
  children,
}: {
  title: string;
  intro?: string;
  /** The update to save, or null while a field is invalid (its message then shows). */
  check: () => SettingsUpdate | null;
  onSaved: (settings: Settings) => void;
  /** The fields; `showErrors` is true after the first attempt to save. */
  children: (showErrors: boolean) => ReactNode;
}) {
  const { t } = useTranslation();
  const { api } = useApp();
  const errorText = useErrorText();
  const titleId = useId();
  const [showErrors, setShowErrors] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [saved, setSaved] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setShowErrors(true);
    setSaved(false);
    const update = check();
    if (!update) return;
    try {
      onSaved(await api.settings.update(update));
      setFailure(undefined);
      setSaved(true);
    } catch (error) {
      setFailure(errorText(error));
    }
  };

  return (
    <section className="card narrow settings-section" aria-labelledby={titleId}>
      <h3 id={titleId}>{title}</h3>
      {intro && <p className="hint">{intro}</p>}
      {/* Any change makes "Gespeichert." untrue until the next save. */}
      <form onSubmit={(e) => void submit(e)} onChange={() => setSaved(false)} noValidate>
        {children(showErrors)}
        <ErrorMessage>{failure}</ErrorMessage>
        <div className="row">
          <button type="submit" className="primary">
            {t('settings.save')}
          </button>
          {saved && <span role="status">{t('settings.saved')}</span>}
        </div>
      </form>
    </section>
  );
}
