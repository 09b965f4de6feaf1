// The profiles of an import preview: name, kind (a Backupserver with its
// portal), user@host:port, key file, agent forwarding, where it was read, and
// the settings that do not carry over with why. A ticked conflict says that
// it replaces the stored profile of that name.
import { useTranslation } from 'react-i18next';
import { ImportSection } from './ImportSection';
import type { PreviewProfile } from '../../../shared/contract/moving-in';
import { planBackupTarget, portalFieldText } from '../../../shared/model/backup-target';
import { hostAndPort } from '../../components/host-port';
import { ImportItem } from './ImportItem';
import { useOriginText } from './origin-text';
import { canTick } from './selection';

function ProfileItem({
  item,
  ticked,
  defaultUser,
  onToggle,
}: {
  item: PreviewProfile;
  ticked: boolean;
  defaultUser: string;
  onToggle: (ticked: boolean) => void;
}) {
  const { t } = useTranslation();
  const originText = useOriginText();
  const { profile, status, existingName } = item;
  const tickable = canTick(status);
  const checked = tickable && ticked;

  let statusText: string;
  if (status === 'conflict')
    statusText = checked
      ? t('movingIn.profile.replaces', { name: existingName ?? profile.name })
      : t('movingIn.profile.status.conflict', { name: existingName ?? profile.name });
  else if (status === 'duplicate' && existingName && existingName !== profile.name)
    statusText = t('movingIn.profile.duplicateAs', { name: existingName });
  else statusText = t(`movingIn.profile.status.${status}`);

  let kind = t(`profiles.kind.${profile.kind}`);
  if (profile.kind === 'backup') {
    const plan = planBackupTarget(profile.host, portalFieldText(profile));
    if (plan.ok)
      kind += ` ${t('profiles.via', { portal: hostAndPort(plan.portalHost, plan.portalPort, true) })}`;
  }
  const target = `${profile.user || defaultUser}@${hostAndPort(profile.host, profile.port, true)}`;

  return (
    <ImportItem
      label={<strong>{profile.name}</strong>}
      status={statusText}
      tone={status === 'conflict' && checked ? 'warning' : 'plain'}
      announce={status === 'conflict'}
      checked={checked}
      disabled={!tickable}
      onChange={onToggle}
    >
      <p>
        {kind} · <span className="import-target">{target}</span>
        {profile.agentForwarding && ` · ${t('movingIn.profile.agentForwarding')}`}
      </p>
      {profile.keyPath && <p>{t('movingIn.profile.keyPath', { path: profile.keyPath })}</p>}
      <p className="muted">{originText(profile.origin)}</p>
      {profile.notCarried.length > 0 && (
        <div className="not-carried">
          <p>{t('movingIn.profile.notCarried')}</p>
          <ul>
            {profile.notCarried.map((entry, index) => (
              <li key={index}>
                <code>{entry.setting}</code> <code>{entry.value}</code>:{' '}
                {t(`movingIn.notCarried.${entry.reason}`)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </ImportItem>
  );
}

export function ProfileItems({
  items,
  ticked,
  defaultUser,
  onToggle,
}: {
  items: PreviewProfile[];
  ticked: ReadonlySet<string>;
  defaultUser: string;
  onToggle: (id: string, ticked: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <ImportSection
      id="import-profiles-title"
      title={t('movingIn.preview.profiles')}
      emptyText={t('movingIn.preview.noProfiles')}
      items={items}
      renderItem={(item) => (
        <ProfileItem
          key={item.id}
          item={item}
          ticked={ticked.has(item.id)}
          defaultUser={defaultUser}
          onToggle={(on) => onToggle(item.id, on)}
        />
      )}
    />
  );
}
