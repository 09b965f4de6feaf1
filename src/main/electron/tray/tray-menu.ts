// The tray's menu as data, built from the backend's state: state in, template
// out. Actions are plain values; tray-controller.ts turns them into clicks.
import type { TFunction } from 'i18next';
import type { Profile } from '../../../shared/model/profile';
import type { TrayState } from './tray-state';

/** Quick connect shows at most this many favourites and this many recent profiles. */
export const MAX_FAVOURITES = 10;
export const MAX_RECENT = 5;

export type TrayAction =
  | { kind: 'openWindow' }
  | { kind: 'openProfile'; profileId: string }
  | { kind: 'addKey' }
  | { kind: 'lock' }
  | { kind: 'unlock' }
  | { kind: 'toggleStartAtLogin' }
  | { kind: 'quit' };

export type TrayMenuItem =
  | { type: 'separator' }
  | { type: 'normal'; label: string; enabled: boolean; action?: TrayAction }
  | { type: 'checkbox'; label: string; checked: boolean; action: TrayAction };

export interface TrayModel {
  platform: NodeJS.Platform;
  state: TrayState;
  keyCount: number;
  profiles: readonly Profile[];
  /** null: this shell cannot start the app at login, and the item is left out. */
  startAtLogin: boolean | null;
}

/** Favourites by name, then the most recently used of the others. */
export function quickConnectProfiles(profiles: readonly Profile[]): {
  favourites: Profile[];
  recent: Profile[];
} {
  const byName = (a: Profile, b: Profile) => a.name.localeCompare(b.name, 'de');
  const favourites = profiles
    .filter((p) => p.favourite)
    .sort(byName)
    .slice(0, MAX_FAVOURITES);
  const recent = profiles
    .filter((p) => !p.favourite && p.lastUsedAt !== null)
    .sort((a, b) => b.lastUsedAt! - a.lastUsedAt!)
    .slice(0, MAX_RECENT);
  return { favourites, recent };
}

/** Windows and Linux read `&` as a mnemonic marker; a profile named "A & B" must show its `&`. */
export function menuLabel(text: string, platform: NodeJS.Platform): string {
  return platform === 'darwin' ? text : text.replaceAll('&', '&&');
}

export function trayTooltip(model: Pick<TrayModel, 'state' | 'keyCount'>, t: TFunction): string {
  return model.state === 'loaded'
    ? t('tooltip.loaded', { count: model.keyCount })
    : t(`tooltip.${model.state}`);
}

export function trayMenuTemplate(model: TrayModel, t: TFunction): TrayMenuItem[] {
  const item = (label: string, action?: TrayAction, enabled = true): TrayMenuItem => ({
    type: 'normal',
    label,
    enabled,
    ...(action ? { action } : {}),
  });
  const separator: TrayMenuItem = { type: 'separator' };
  const status =
    model.state === 'loaded' ? t('status.loaded', { count: model.keyCount }) : t(`status.${model.state}`);
  const profileItem = (p: Profile) =>
    item(menuLabel(p.name, model.platform), { kind: 'openProfile', profileId: p.id });
  const { favourites, recent } = quickConnectProfiles(model.profiles);

  const quickConnect: TrayMenuItem[] = [];
  if (favourites.length > 0)
    quickConnect.push(item(t('favourites'), undefined, false), ...favourites.map(profileItem));
  if (recent.length > 0) quickConnect.push(item(t('recent'), undefined, false), ...recent.map(profileItem));
  if (quickConnect.length === 0) quickConnect.push(item(t('noProfiles'), undefined, false));

  return [
    item(status, undefined, false),
    item(t('openWindow'), { kind: 'openWindow' }),
    separator,
    ...quickConnect,
    separator,
    // A locked agent takes no keys (ssh-agent refuses them too); unlock first.
    item(t('addKey'), { kind: 'addKey' }, model.state !== 'locked'),
    model.state === 'locked'
      ? item(t('unlock'), { kind: 'unlock' })
      : item(t('lock'), { kind: 'lock' }, model.state === 'loaded'),
    separator,
    ...(model.startAtLogin === null
      ? []
      : [
          {
            type: 'checkbox',
            label: t('startAtLogin'),
            checked: model.startAtLogin,
            action: { kind: 'toggleStartAtLogin' },
          } as const,
          separator,
        ]),
    item(t('quit'), { kind: 'quit' }),
  ];
}
