// PuTTY's session logging: off, printable or all output, where to, under
// which name (with a live example of the name a session would get now),
// timestamps per line and the size at which a new file begins.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionLogName, withCounter } from '../../../shared/model/session-log-name';
import { loggingSettingsSchema, type LoggingSettings, type Settings } from '../../../shared/model/settings';
import { useApp } from '../../app/context';
import { Checkbox } from '../../components/Checkbox';
import { Field } from '../../components/Field';
import { useNow } from '../../components/use-now';
import { defaultLogFolder, isUsableLogFolder } from './log-folder';
import { SelectField } from './SelectField';
import { SettingsSection } from './SettingsSection';
import { limitsOf, wholeNumber } from './whole-number';

const { shape } = loggingSettingsSchema;
/** The server and port of the example name: a school's portal as the technician knows them. */
const EXAMPLE_HOST = 'meine-schule.de';
const EXAMPLE_PORT = 22;

export function LoggingSection({
  settings,
  onSettings,
}: {
  settings: Settings;
  onSettings: (s: Settings) => void;
}) {
  const { t } = useTranslation();
  const { info } = useApp();
  const [choices, setChoices] = useState<LoggingSettings>(settings.logging);
  const [maxMegabytes, setMaxMegabytes] = useState(String(settings.logging.maxMegabytes));
  const set = <K extends keyof LoggingSettings>(key: K, value: LoggingSettings[K]) =>
    setChoices((current) => ({ ...current, [key]: value }));
  const folderOk = isUsableLogFolder(choices.folder);
  const pattern = shape.namePattern.safeParse(choices.namePattern);
  const megabytes = wholeNumber(maxMegabytes, shape.maxMegabytes);
  // The time the view opened: an example that ticked every second would only distract.
  const now = useNow(false);
  const example = pattern.success
    ? sessionLogName(pattern.data, {
        date: new Date(now),
        host: EXAMPLE_HOST,
        port: EXAMPLE_PORT,
        profile: t('settings.logging.exampleProfile'),
      })
    : '';

  return (
    <SettingsSection
      title={t('settings.logging.title')}
      check={() =>
        folderOk && pattern.success && megabytes !== undefined
          ? {
              logging: {
                ...choices,
                folder: choices.folder.trim(),
                namePattern: pattern.data,
                maxMegabytes: megabytes,
              },
            }
          : null
      }
      onSaved={onSettings}
    >
      {(showErrors) => (
        <>
          <SelectField
            label={t('settings.logging.mode')}
            hint={t('settings.logging.modeHint')}
            value={choices.mode}
            options={shape.mode.options.map((value) => ({
              value,
              label: t(`settings.logging.modes.${value}`),
            }))}
            onChange={(value) => set('mode', value)}
          />
          <Field
            label={t('settings.logging.folder')}
            hint={t('settings.logging.folderHint', { folder: defaultLogFolder(info.dataDir, info.platform) })}
            value={choices.folder}
            onChange={(e) => set('folder', e.target.value)}
            error={showErrors && !folderOk ? t('settings.logging.invalidFolder') : undefined}
          />
          <Field
            label={t('settings.logging.namePattern')}
            hint={t('settings.logging.namePatternHint')}
            value={choices.namePattern}
            onChange={(e) => set('namePattern', e.target.value)}
            error={showErrors && !pattern.success ? t('settings.logging.invalidNamePattern') : undefined}
          />
          {example && <p className="preview">{t('settings.logging.example', { name: example })}</p>}
          <Checkbox
            label={t('settings.logging.timestamps')}
            checked={choices.timestamps}
            onChange={(checked) => set('timestamps', checked)}
          />
          <Field
            label={t('settings.logging.maxMegabytes')}
            hint={t('settings.logging.maxMegabytesHint', { example: withCounter(example || 'log', 2) })}
            inputMode="numeric"
            value={maxMegabytes}
            onChange={(e) => setMaxMegabytes(e.target.value)}
            error={
              showErrors && megabytes === undefined
                ? t('settings.invalidNumber', limitsOf(shape.maxMegabytes))
                : undefined
            }
          />
        </>
      )}
    </SettingsSection>
  );
}
