// How terminals look and behave. Open tabs take a change at once (their
// options are live, see views/terminal/terminal-options.ts).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { terminalSettingsSchema, type Settings, type TerminalSettings } from '../../../shared/model/settings';
import { Checkbox } from '../../components/Checkbox';
import { Field } from '../../components/Field';
import { SelectField } from './SelectField';
import { SettingsSection } from './SettingsSection';
import { limitsOf, wholeNumber } from './whole-number';

const { shape } = terminalSettingsSchema;
type Switch =
  'cursorBlink' | 'copyOnSelect' | 'pasteOnRightClick' | 'warnMultiLinePaste' | 'screenReaderMode';
/** The switches in the order shown, with the hint each has. */
const switches: Array<{ key: Switch; hint?: string }> = [
  { key: 'copyOnSelect' },
  { key: 'pasteOnRightClick' },
  { key: 'warnMultiLinePaste', hint: 'settings.terminal.warnMultiLinePasteHint' },
  { key: 'screenReaderMode', hint: 'settings.terminal.screenReaderModeHint' },
];

export function TerminalSection({
  settings,
  onSettings,
}: {
  settings: Settings;
  onSettings: (s: Settings) => void;
}) {
  const { t } = useTranslation();
  const [choices, setChoices] = useState<TerminalSettings>(settings.terminal);
  const [fontSize, setFontSize] = useState(String(settings.terminal.fontSize));
  const [scrollback, setScrollback] = useState(String(settings.terminal.scrollback));
  const set = <K extends keyof TerminalSettings>(key: K, value: TerminalSettings[K]) =>
    setChoices((current) => ({ ...current, [key]: value }));
  const font = shape.fontFamily.safeParse(choices.fontFamily);
  const size = wholeNumber(fontSize, shape.fontSize);
  const lines = wholeNumber(scrollback, shape.scrollback);
  const options = <T extends string>(values: readonly T[], prefix: string) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));

  return (
    <SettingsSection
      title={t('settings.terminal.title')}
      intro={t('settings.terminal.hint')}
      check={() =>
        font.success && size !== undefined && lines !== undefined
          ? { terminal: { ...choices, fontFamily: font.data, fontSize: size, scrollback: lines } }
          : null
      }
      onSaved={onSettings}
    >
      {(showErrors) => (
        <>
          <Field
            label={t('settings.terminal.fontFamily')}
            hint={t('settings.terminal.fontFamilyHint')}
            value={choices.fontFamily}
            onChange={(e) => set('fontFamily', e.target.value)}
            error={showErrors && !font.success ? t('settings.terminal.invalidFontFamily') : undefined}
          />
          <Field
            label={t('settings.terminal.fontSize')}
            inputMode="numeric"
            value={fontSize}
            onChange={(e) => setFontSize(e.target.value)}
            error={
              showErrors && size === undefined
                ? t('settings.invalidNumber', limitsOf(shape.fontSize))
                : undefined
            }
          />
          <Field
            label={t('settings.terminal.scrollback')}
            hint={t('settings.terminal.scrollbackHint')}
            inputMode="numeric"
            value={scrollback}
            onChange={(e) => setScrollback(e.target.value)}
            error={
              showErrors && lines === undefined
                ? t('settings.invalidNumber', limitsOf(shape.scrollback))
                : undefined
            }
          />
          <SelectField
            label={t('settings.terminal.theme')}
            value={choices.theme}
            options={options(shape.theme.options, 'settings.terminal.themes')}
            onChange={(value) => set('theme', value)}
          />
          <SelectField
            label={t('settings.terminal.cursorStyle')}
            value={choices.cursorStyle}
            options={options(shape.cursorStyle.options, 'settings.terminal.cursor')}
            onChange={(value) => set('cursorStyle', value)}
          />
          <Checkbox
            label={t('settings.terminal.cursorBlink')}
            checked={choices.cursorBlink}
            onChange={(checked) => set('cursorBlink', checked)}
          />
          <SelectField
            label={t('settings.terminal.bell')}
            value={choices.bell}
            options={options(shape.bell.options, 'settings.terminal.bells')}
            onChange={(value) => set('bell', value)}
          />
          {switches.map(({ key, hint }) => (
            <Checkbox
              key={key}
              label={t(`settings.terminal.${key}`)}
              hint={hint && t(hint)}
              checked={choices[key]}
              onChange={(checked) => set(key, checked)}
            />
          ))}
        </>
      )}
    </SettingsSection>
  );
}
