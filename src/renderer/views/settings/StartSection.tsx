// Start with the computer and start hidden in the tray (Pageant's habit).
// Saved here; the desktop shell acts on them once it is wired (a later
// issue), and the hint says so.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/model/settings';
import { Checkbox } from '../../components/Checkbox';
import { SettingsSection } from './SettingsSection';

export function StartSection({
  settings,
  onSettings,
}: {
  settings: Settings;
  onSettings: (s: Settings) => void;
}) {
  const { t } = useTranslation();
  const [startAtLogin, setStartAtLogin] = useState(settings.startAtLogin);
  const [startHidden, setStartHidden] = useState(settings.startHidden);
  return (
    <SettingsSection
      title={t('settings.start.title')}
      intro={t('settings.start.hint')}
      check={() => ({ startAtLogin, startHidden })}
      onSaved={onSettings}
    >
      {() => (
        <>
          <Checkbox
            label={t('settings.start.startAtLogin')}
            checked={startAtLogin}
            onChange={setStartAtLogin}
          />
          <Checkbox label={t('settings.start.startHidden')} checked={startHidden} onChange={setStartHidden} />
        </>
      )}
    </SettingsSection>
  );
}
