import { useTranslation } from 'react-i18next';

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
