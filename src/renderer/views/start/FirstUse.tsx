// First use: firm prefix and vorname.nachname, which make the remote user,
// and the e-mail address, sent to the servers as EMAIL.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  defaultRemoteUser,
  emailSchema,
  firmPrefixSchema,
  fullNameSchema,
  type Settings,
} from '../../../shared/model/settings';
import { useApp } from '../../app/context';
import { EmailField } from '../../components/EmailField';
import { Field } from '../../components/Field';
import { useErrorText } from '../../components/errors';
import { ErrorMessage } from '../../components/Messages';

export function FirstUse({ settings, onDone }: { settings: Settings; onDone: (settings: Settings) => void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const errorText = useErrorText();
  const [firmPrefix, setFirmPrefix] = useState(settings.firmPrefix);
  const [fullName, setFullName] = useState(settings.fullName);
  const [email, setEmail] = useState(settings.email);
  const [touched, setTouched] = useState(false);
  const [failure, setFailure] = useState<string>();
  const prefix = firmPrefixSchema.safeParse(firmPrefix);
  const name = fullNameSchema.safeParse(fullName);
  const address = emailSchema.safeParse(email);
  const user =
    prefix.success && name.success ? defaultRemoteUser({ firmPrefix: prefix.data, fullName: name.data }) : '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!prefix.success || !name.success || !address.success) return;
    try {
      onDone(
        await api.settings.update({ firmPrefix: prefix.data, fullName: name.data, email: address.data }),
      );
    } catch (error) {
      setFailure(errorText(error));
    }
  };

  return (
    <section className="card narrow" aria-labelledby="first-use-title">
      <h1 id="first-use-title">{t('firstUse.title')}</h1>
      <p>{t('firstUse.intro')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field
          label={t('firstUse.firmPrefix')}
          hint={t('firstUse.firmPrefixHint')}
          value={firmPrefix}
          autoFocus
          onChange={(e) => setFirmPrefix(e.target.value)}
          error={touched && !prefix.success ? t('firstUse.invalidFirmPrefix') : undefined}
        />
        <Field
          label={t('firstUse.fullName')}
          hint={t('firstUse.fullNameHint')}
          value={fullName}
          onChange={(e) => setFullName(e.target.value)}
          error={touched && !name.success ? t('firstUse.invalidFullName') : undefined}
        />
        {user && <p className="preview">{t('firstUse.preview', { user })}</p>}
        <EmailField
          value={email}
          hint={t('firstUse.emailHint')}
          invalid={touched && !address.success}
          onChange={setEmail}
        />
        <ErrorMessage>{failure}</ErrorMessage>
        <button type="submit" className="primary">
          {t('firstUse.save')}
        </button>
      </form>
    </section>
  );
}
