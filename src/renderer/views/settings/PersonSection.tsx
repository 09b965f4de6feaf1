// Who the technician is: firm prefix and vorname.nachname (the remote user
// name, required as at first use), the e-mail address sent as EMAIL, and the
// DUO phone number for the mail to support (optional here).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  defaultRemoteUser,
  emailSchema,
  firmPrefixSchema,
  fullNameSchema,
  phoneSchema,
  type Settings,
} from '../../../shared/model/settings';
import { EmailField } from '../../components/EmailField';
import { Field } from '../../components/Field';
import { SettingsSection } from './SettingsSection';

export function PersonSection({
  settings,
  onSettings,
}: {
  settings: Settings;
  onSettings: (s: Settings) => void;
}) {
  const { t } = useTranslation();
  const [firmPrefix, setFirmPrefix] = useState(settings.firmPrefix);
  const [fullName, setFullName] = useState(settings.fullName);
  const [email, setEmail] = useState(settings.email);
  const [phone, setPhone] = useState(settings.phone);
  const prefix = firmPrefixSchema.safeParse(firmPrefix);
  const name = fullNameSchema.safeParse(fullName);
  const address = emailSchema.safeParse(email);
  const number = phone.trim() === '' ? { success: true as const, data: '' } : phoneSchema.safeParse(phone);
  const user =
    prefix.success && name.success ? defaultRemoteUser({ firmPrefix: prefix.data, fullName: name.data }) : '';

  return (
    <SettingsSection
      title={t('settings.person.title')}
      check={() =>
        prefix.success && name.success && address.success && number.success
          ? { firmPrefix: prefix.data, fullName: name.data, email: address.data, phone: number.data }
          : null
      }
      onSaved={onSettings}
    >
      {(showErrors) => (
        <>
          <Field
            label={t('firstUse.firmPrefix')}
            hint={t('firstUse.firmPrefixHint')}
            value={firmPrefix}
            onChange={(e) => setFirmPrefix(e.target.value)}
            error={showErrors && !prefix.success ? t('firstUse.invalidFirmPrefix') : undefined}
          />
          <Field
            label={t('firstUse.fullName')}
            hint={t('firstUse.fullNameHint')}
            value={fullName}
            onChange={(e) => setFullName(e.target.value)}
            error={showErrors && !name.success ? t('firstUse.invalidFullName') : undefined}
          />
          {user && <p className="preview">{t('settings.person.userHint', { user })}</p>}
          <EmailField
            value={email}
            hint={t('settings.emailHint')}
            invalid={showErrors && !address.success}
            onChange={setEmail}
          />
          <Field
            label={t('keys.phone')}
            hint={t('settings.person.phoneHint')}
            type="tel"
            autoComplete="tel"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            error={showErrors && !number.success ? t('keys.invalid.phone') : undefined}
          />
        </>
      )}
    </SettingsSection>
  );
}
