// Existing key: a path (typed or Browse) and its passphrase. Main reads it
// (OpenSSH or .ppk), applies the vendor's policy and loads it into the agent.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/context';
import { Field } from '../../components/Field';
import { FileField } from '../../components/FileField';
import { useErrorText } from '../../components/errors';
import { DetailsFields, checkDetails, initialDetails, type Details } from './DetailsFields';
import { isUsableKeyPath } from './path-rule';
import { StepActions, type KeyStepProps } from './StepActions';
import { ErrorMessage, BusyNote } from '../../components/Messages';

export function ExistingKeyForm(props: KeyStepProps) {
  const { t } = useTranslation();
  const { api } = useApp();
  const errorText = useErrorText();
  const [details, setDetails] = useState<Details>(() => initialDetails(props.settings));
  const [path, setPath] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  const checked = checkDetails(details, props.settings);
  const pathInvalid = !isUsableKeyPath(path);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!checked.ok || pathInvalid) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await api.settings.update(checked.update);
      const key = await api.keys.importFile({ path: path.trim(), passphrase: passphrase || undefined });
      setPassphrase('');
      props.onDone(key, await api.settings.get());
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="existing-key-title">
      <h2 id="existing-key-title">{t('keys.existingTitle')}</h2>
      <fieldset disabled={busy} className="plain">
        <DetailsFields
          settings={props.settings}
          details={details}
          onChange={setDetails}
          invalid={touched && !checked.ok ? checked.invalid : new Set()}
        />
        <FileField
          label={t('keys.keyFile')}
          hint={t('keys.keyFileHint')}
          value={path}
          spellCheck={false}
          onChange={setPath}
          error={touched && pathInvalid ? t('keys.invalid.path') : undefined}
          browseLabel={t('keys.browse')}
        />
        <Field
          label={t('keys.existingPassphrase')}
          type="password"
          autoComplete="current-password"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
        />
      </fieldset>
      {busy && <BusyNote text={t('keys.loading')} />}
      <ErrorMessage>{failure}</ErrorMessage>
      <StepActions submitLabel={t('keys.load')} busy={busy} onBack={props.onBack} />
    </form>
  );
}
