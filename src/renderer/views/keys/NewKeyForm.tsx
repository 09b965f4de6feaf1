// New key: details, type (ED25519 or RSA 4096 only), passphrase twice with a
// strength hint, location, optional .ppk copy. An existing file is replaced
// only after the user confirms.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_LENGTH, type NewKeyType } from '../../../shared/contract/keys';
import { useApp } from '../../app/context';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FileField } from '../../components/FileField';
import { toErrorInfo, useErrorText } from '../../components/errors';
import { DetailsFields, checkDetails, initialDetails, type Details } from './DetailsFields';
import { passphraseProblem, passphraseStrength } from './passphrase';
import { isUsableKeyPath } from './path-rule';
import { StepActions, type KeyStepProps } from './StepActions';
import { ErrorMessage, BusyNote } from '../../components/Messages';

export function NewKeyForm(props: KeyStepProps) {
  const { t } = useTranslation();
  const { api } = useApp();
  const errorText = useErrorText();
  const [details, setDetails] = useState<Details>(() => initialDetails(props.settings));
  const [type, setType] = useState<NewKeyType>('ed25519');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [path, setPath] = useState('');
  const [pathEdited, setPathEdited] = useState(false);
  const [ppkCopy, setPpkCopy] = useState(false);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [confirmOverwrite, setConfirmOverwrite] = useState<string>();

  // Suggest a free default location for the chosen type until the user types one.
  useEffect(() => {
    if (pathEdited) return;
    let current = true;
    api.keys.defaultPath({ type }).then(
      ({ path: suggested }) => current && setPath(suggested),
      (error: unknown) => current && setFailure(errorText(error)),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [type, pathEdited]);

  const checked = checkDetails(details, props.settings);
  const problem = passphraseProblem(passphrase, repeat);
  const strength = passphraseStrength(passphrase);
  const pathInvalid = !isUsableKeyPath(path);
  const min = MIN_PASSPHRASE_LENGTH;

  const run = async (overwrite: boolean) => {
    if (!checked.ok || problem || pathInvalid) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const updated = await api.settings.update(checked.update);
      const key = await api.keys.generate({
        type,
        comment: updated.email,
        passphrase,
        path: path.trim(),
        overwrite,
        ppkCopy,
      });
      setPassphrase('');
      setRepeat('');
      props.onDone(key, await api.settings.get());
    } catch (error) {
      const info = toErrorInfo(error);
      if (info.code === 'keys.fileExists' && !overwrite)
        setConfirmOverwrite(String(info.params.path ?? path));
      else setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    void run(false);
  };

  const passphraseError =
    touched && problem && problem !== 'mismatch' ? t(`keys.invalid.${problem}`, { min }) : undefined;
  const repeatError = touched && problem === 'mismatch' ? t('keys.invalid.mismatch') : undefined;

  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-key-title">
      <h2 id="new-key-title">{t('keys.newTitle')}</h2>
      <fieldset disabled={busy} className="plain">
        <DetailsFields
          settings={props.settings}
          details={details}
          onChange={setDetails}
          invalid={touched && !checked.ok ? checked.invalid : new Set()}
        />
        <fieldset>
          <legend>{t('keys.type')}</legend>
          <label className="radio">
            <input
              type="radio"
              name="key-type"
              checked={type === 'ed25519'}
              onChange={() => setType('ed25519')}
            />
            {t('keys.typeEd25519')}
          </label>
          <label className="radio">
            <input
              type="radio"
              name="key-type"
              checked={type === 'rsa4096'}
              onChange={() => setType('rsa4096')}
            />
            {t('keys.typeRsa')}
          </label>
        </fieldset>
        <Field
          label={t('keys.passphrase')}
          type="password"
          autoComplete="new-password"
          hint={`${t('keys.passphraseHint', { min })} ${t(`keys.strength.${strength}`, { min })}`.trim()}
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          error={passphraseError}
        />
        <Field
          label={t('keys.passphraseRepeat')}
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          error={repeatError}
        />
        <FileField
          label={t('keys.location')}
          hint={t('keys.locationHint')}
          value={path}
          spellCheck={false}
          onChange={(chosen) => {
            setPath(chosen);
            setPathEdited(true);
          }}
          error={touched && pathInvalid ? t('keys.invalid.path') : undefined}
          browseLabel={t('keys.browse')}
        />
        <label className="checkbox">
          <input type="checkbox" checked={ppkCopy} onChange={(e) => setPpkCopy(e.target.checked)} />
          {t('keys.ppkCopy')}
        </label>
      </fieldset>
      {busy && <BusyNote text={t('keys.generating')} />}
      <ErrorMessage>{failure}</ErrorMessage>
      <StepActions submitLabel={t('keys.generate')} busy={busy} onBack={props.onBack} />
      {confirmOverwrite && (
        <Dialog title={t('keys.overwriteTitle')} onCancel={() => setConfirmOverwrite(undefined)}>
          <p>{t('keys.overwriteBody', { path: confirmOverwrite })}</p>
          <div className="actions">
            <button
              type="button"
              className="primary"
              onClick={() => {
                setConfirmOverwrite(undefined);
                void run(true);
              }}
            >
              {t('keys.overwrite')}
            </button>
            <button type="button" autoFocus onClick={() => setConfirmOverwrite(undefined)}>
              {t('keys.cancel')}
            </button>
          </div>
        </Dialog>
      )}
    </form>
  );
}
