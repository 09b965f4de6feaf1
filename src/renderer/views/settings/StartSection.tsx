// Start with the computer and start hidden in the tray (Pageant's habit).
// The desktop shell applies them when saved; a browser tab cannot start with
// the computer, and the hint says so.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/context';
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
  const { info } = useApp();
  const [startAtLogin, setStartAtLogin] = useState(settings.startAtLogin);
  // The tray's checkbox changes the stored value while this view may be open: show it.
  const [stored, setStored] = useState(settings.startAtLogin);
  if (stored !== settings.startAtLogin) {
    setStored(settings.startAtLogin);
    setStartAtLogin(settings.startAtLogin);
  }
  const [startHidden, setStartHidden] = useState(settings.startHidden);
  return (
    <SettingsSection
      title={t('settings.start.title')}
      intro={t(info.startAtLogin ? 'settings.start.hint' : 'settings.start.hintBrowser')}
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
