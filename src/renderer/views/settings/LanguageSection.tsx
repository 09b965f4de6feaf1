// The language of the interface: German by default, or English. Takes effect
// at once, as the choice in the header does.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languages, type Language, type Settings } from '../../../shared/model/settings';
import { useApp } from '../../app/context';
import { useErrorText } from '../../components/errors';
import { ErrorMessage } from '../../components/Messages';
import { changeLanguage } from '../../i18n';
import { SelectField } from './SelectField';

export function LanguageSection({
  settings,
  onSettings,
}: {
  settings: Settings;
  onSettings: (s: Settings) => void;
}) {
  const { t } = useTranslation();
  const { api } = useApp();
  const errorText = useErrorText();
  const titleId = useId();
  const [failure, setFailure] = useState<string>();

  const choose = async (language: Language) => {
    try {
      onSettings(await api.settings.update({ language }));
      await changeLanguage(language);
      setFailure(undefined);
    } catch (error) {
      setFailure(errorText(error));
    }
  };

  return (
    <section className="card narrow settings-section" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('settings.language.title')}</h3>
      <SelectField
        label={t('settings.language.label')}
        value={settings.language}
        options={languages.map((language) => ({
          value: language,
          label: t(`settings.language.${language}`),
        }))}
        onChange={(language) => void choose(language)}
      />
      <ErrorMessage>{failure}</ErrorMessage>
    </section>
  );
}
