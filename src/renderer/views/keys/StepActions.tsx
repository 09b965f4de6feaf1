import { useTranslation } from 'react-i18next';
import type { KeyResult } from '../../../shared/contract/keys';
import type { Settings } from '../../../shared/model/settings';

/** What the wizard gives each of its forms (new key, existing key). */
export interface KeyStepProps {
  settings: Settings;
  /** The key made or read, and the settings as main has them afterwards. */
  onDone: (key: KeyResult, settings: Settings) => void;
  onBack: () => void;
}

/** A key wizard step's submit and back buttons, both off while the step works. */
export function StepActions(props: { submitLabel: string; busy: boolean; onBack: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <button type="submit" className="primary" disabled={props.busy}>
        {props.submitLabel}
      </button>
      <button type="button" onClick={props.onBack} disabled={props.busy}>
        {t('keys.back')}
      </button>
    </div>
  );
}
