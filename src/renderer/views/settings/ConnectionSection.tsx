// How logins wait and connections live: the DUO wait, keepalive, and how
// long a connection is kept after its last tab.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settingsUpdateSchema, type Settings } from '../../../shared/model/settings';
import { Field } from '../../components/Field';
import { SettingsSection } from './SettingsSection';
import { limitsOf, wholeNumber } from './whole-number';

type NumberSetting = 'approvalTimeoutSeconds' | 'keepaliveSeconds' | 'keepConnectionsMinutes';

const fields: Array<{ key: NumberSetting; label: string; hint: string }> = [
  { key: 'approvalTimeoutSeconds', label: 'settings.approvalTimeout', hint: 'settings.approvalTimeoutHint' },
  { key: 'keepaliveSeconds', label: 'settings.keepalive', hint: 'settings.keepaliveHint' },
  { key: 'keepConnectionsMinutes', label: 'settings.keepConnections', hint: 'settings.keepConnectionsHint' },
];

const schemaOf = (key: NumberSetting) => settingsUpdateSchema.shape[key].unwrap();

export function ConnectionSection({
  settings,
  onSettings,
}: {
  settings: Settings;
  onSettings: (s: Settings) => void;
}) {
  const { t } = useTranslation();
  const [texts, setTexts] = useState<Record<NumberSetting, string>>({
    approvalTimeoutSeconds: String(settings.approvalTimeoutSeconds),
    keepaliveSeconds: String(settings.keepaliveSeconds),
    keepConnectionsMinutes: String(settings.keepConnectionsMinutes),
  });
  const values = Object.fromEntries(
    fields.map(({ key }) => [key, wholeNumber(texts[key], schemaOf(key))]),
  ) as Record<NumberSetting, number | undefined>;

  return (
    <SettingsSection
      title={t('settings.connection')}
      check={() =>
        fields.every(({ key }) => values[key] !== undefined)
          ? {
              approvalTimeoutSeconds: values.approvalTimeoutSeconds,
              keepaliveSeconds: values.keepaliveSeconds,
              keepConnectionsMinutes: values.keepConnectionsMinutes,
            }
          : null
      }
      onSaved={onSettings}
    >
      {(showErrors) =>
        fields.map(({ key, label, hint }) => (
          <Field
            key={key}
            label={t(label)}
            hint={t(hint)}
            inputMode="numeric"
            value={texts[key]}
            onChange={(e) => setTexts((current) => ({ ...current, [key]: e.target.value }))}
            error={
              showErrors && values[key] === undefined
                ? t('settings.invalidNumber', limitsOf(schemaOf(key)))
                : undefined
            }
          />
        ))
      }
    </SettingsSection>
  );
}
