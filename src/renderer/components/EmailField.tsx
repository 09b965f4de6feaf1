// The e-mail address sent to the servers as EMAIL: asked at first use and
// changed in the settings, with one label and one message for both.
import { useTranslation } from 'react-i18next';
import { Field } from './Field';

export function EmailField({
  value,
  hint,
  invalid,
  onChange,
}: {
  value: string;
  hint: string;
  /** Shows the message (the caller checks with emailSchema, as it must before saving). */
  invalid: boolean;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Field
      label={t('settings.email')}
      hint={hint}
      type="email"
      autoComplete="email"
      required
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={invalid ? t('settings.invalidEmail') : undefined}
    />
  );
}
