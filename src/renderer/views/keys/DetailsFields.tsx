// The person's details the wizard needs: firm prefix and vorname.nachname
// (only while first use is not done), e-mail (the key comment) and the DUO
// phone number (for the mail to support). Validated like first use.
import { useTranslation } from 'react-i18next';
import {
  emailSchema,
  firmPrefixSchema,
  fullNameSchema,
  isFirstUseDone,
  phoneSchema,
  type Settings,
  type SettingsUpdate,
} from '../../../shared/model/settings';
import { Field } from '../../components/Field';

export interface Details {
  firmPrefix: string;
  fullName: string;
  email: string;
  phone: string;
}

export function initialDetails(settings: Settings): Details {
  return {
    firmPrefix: settings.firmPrefix,
    fullName: settings.fullName,
    email: settings.email,
    phone: settings.phone,
  };
}

/** The validated settings update, or the names of the invalid fields. */
export function checkDetails(
  details: Details,
  settings: Settings,
): { ok: true; update: SettingsUpdate } | { ok: false; invalid: Set<keyof Details> } {
  const askIdentity = !isFirstUseDone(settings);
  const invalid = new Set<keyof Details>();
  const update: SettingsUpdate = {};
  const email = emailSchema.safeParse(details.email);
  if (email.success) update.email = email.data;
  else invalid.add('email');
  const phone = phoneSchema.safeParse(details.phone);
  if (phone.success) update.phone = phone.data;
  else invalid.add('phone');
  if (askIdentity) {
    const prefix = firmPrefixSchema.safeParse(details.firmPrefix);
    if (prefix.success) update.firmPrefix = prefix.data;
    else invalid.add('firmPrefix');
    const name = fullNameSchema.safeParse(details.fullName);
    if (name.success) update.fullName = name.data;
    else invalid.add('fullName');
  }
  return invalid.size > 0 ? { ok: false, invalid } : { ok: true, update };
}

export function DetailsFields(props: {
  settings: Settings;
  details: Details;
  onChange: (details: Details) => void;
  /** Field names to show as invalid (after a submit). */
  invalid: Set<keyof Details>;
}) {
  const { t } = useTranslation();
  const { details, invalid } = props;
  // Value, change and error of one detail, so a field cannot mix up its key.
  const bind = (key: keyof Details, error: string) => ({
    value: details[key],
    onChange: (event: { target: { value: string } }) =>
      props.onChange({ ...details, [key]: event.target.value }),
    error: invalid.has(key) ? error : undefined,
  });
  return (
    <fieldset>
      <legend>{t('keys.details')}</legend>
      {!isFirstUseDone(props.settings) && (
        <>
          <Field
            label={t('firstUse.firmPrefix')}
            hint={t('firstUse.firmPrefixHint')}
            {...bind('firmPrefix', t('firstUse.invalidFirmPrefix'))}
          />
          <Field
            label={t('firstUse.fullName')}
            hint={t('firstUse.fullNameHint')}
            {...bind('fullName', t('firstUse.invalidFullName'))}
          />
        </>
      )}
      <Field
        label={t('keys.email')}
        hint={t('keys.emailHint')}
        type="email"
        autoComplete="email"
        {...bind('email', t('keys.invalid.email'))}
      />
      <Field
        label={t('keys.phone')}
        hint={t('keys.phoneHint')}
        type="tel"
        autoComplete="tel"
        {...bind('phone', t('keys.invalid.phone'))}
      />
    </fieldset>
  );
}
