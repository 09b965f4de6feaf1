// The settings a technician may change after first use: the e-mail address
// (sent as EMAIL) and the connection numbers (DUO wait, keepalive, how long
// connections are kept after their last tab).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { emailSchema, settingsUpdateSchema } from '../../../shared/model/settings';
import type { ViewContext } from '../../app/context';
import { useApp } from '../../app/context';
import { EmailField } from '../../components/EmailField';
import { Field } from '../../components/Field';
import { useErrorText } from '../../components/errors';
import { ErrorMessage } from '../../components/Messages';

type NumberSetting = 'approvalTimeoutSeconds' | 'keepaliveSeconds' | 'keepConnectionsMinutes';

/** The limits the schema allows, read from it so the messages match. */
function limits(key: NumberSetting): { min: number; max: number } {
  const schema = settingsUpdateSchema.shape[key].unwrap();
  return { min: schema.minValue ?? 0, max: schema.maxValue ?? Number.MAX_SAFE_INTEGER };
}

const numberFields: Array<{ key: NumberSetting; label: string; hint: string }> = [
  {
    key: 'approvalTimeoutSeconds',
    label: 'settings.approvalTimeout',
    hint: 'settings.approvalTimeoutHint',
  },
  { key: 'keepaliveSeconds', label: 'settings.keepalive', hint: 'settings.keepaliveHint' },
  {
    key: 'keepConnectionsMinutes',
    label: 'settings.keepConnections',
    hint: 'settings.keepConnectionsHint',
  },
];

export function SettingsView({ settings, onSettings }: ViewContext) {
  const { t } = useTranslation();
  const { api } = useApp();
  const errorText = useErrorText();
  const [email, setEmail] = useState(settings.email);
  const [numbers, setNumbers] = useState<Record<NumberSetting, string>>({
    approvalTimeoutSeconds: String(settings.approvalTimeoutSeconds),
    keepaliveSeconds: String(settings.keepaliveSeconds),
    keepConnectionsMinutes: String(settings.keepConnectionsMinutes),
  });
  const [touched, setTouched] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [saved, setSaved] = useState(false);

  const address = emailSchema.safeParse(email);
  const numberValid = (key: NumberSetting) =>
    /^\d+$/.test(numbers[key].trim()) &&
    settingsUpdateSchema.shape[key].safeParse(Number(numbers[key])).success;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    setSaved(false);
    if (!address.success || !numberFields.every(({ key }) => numberValid(key))) return;
    try {
      onSettings(
        await api.settings.update({
          email: address.data,
          approvalTimeoutSeconds: Number(numbers.approvalTimeoutSeconds),
          keepaliveSeconds: Number(numbers.keepaliveSeconds),
          keepConnectionsMinutes: Number(numbers.keepConnectionsMinutes),
        }),
      );
      setFailure(undefined);
      setSaved(true);
    } catch (error) {
      setFailure(errorText(error));
    }
  };

  return (
    <section className="card narrow" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.title')}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <EmailField
          value={email}
          hint={t('settings.emailHint')}
          invalid={touched && !address.success}
          onChange={setEmail}
        />
        <h3>{t('settings.connection')}</h3>
        {numberFields.map(({ key, label, hint }) => (
          <Field
            key={key}
            label={t(label)}
            hint={t(hint)}
            inputMode="numeric"
            value={numbers[key]}
            onChange={(e) => setNumbers((current) => ({ ...current, [key]: e.target.value }))}
            error={touched && !numberValid(key) ? t('settings.invalidNumber', limits(key)) : undefined}
          />
        ))}
        <ErrorMessage>{failure}</ErrorMessage>
        {saved && <p role="status">{t('settings.saved')}</p>}
        <button type="submit" className="primary">
          {t('settings.save')}
        </button>
      </form>
    </section>
  );
}
