// The host keys of an import preview: host:port (or a hashed entry, which
// hides both), key type and fingerprint. A conflict is a different key for a
// host the app knows: it may mean an attack, so it starts unticked, says so,
// and once ticked says in the strongest style that it replaces the stored key.
import { useTranslation } from 'react-i18next';
import { ImportSection } from './ImportSection';
import type { PreviewHostKey } from '../../../shared/contract/moving-in';
import { hostAndPort } from '../../components/host-port';
import { ImportItem, type ItemTone } from './ImportItem';
import { useOriginText } from './origin-text';
import { canTick } from './selection';

function HostKeyItem({
  item,
  ticked,
  onToggle,
}: {
  item: PreviewHostKey;
  ticked: boolean;
  onToggle: (ticked: boolean) => void;
}) {
  const { t } = useTranslation();
  const originText = useOriginText();
  const { hostKey, status, existingFingerprint } = item;
  const tickable = canTick(status);
  const checked = tickable && ticked;
  const stored = existingFingerprint ?? '';

  let where: string;
  if (hostKey.host !== null) where = hostAndPort(hostKey.host, hostKey.port ?? 22, true);
  else if (hostKey.origin.line !== null)
    where = t('movingIn.hostKey.hashedLine', { line: hostKey.origin.line });
  else where = t('movingIn.hostKey.hashed');

  let tone: ItemTone = 'plain';
  let statusText = t(`movingIn.hostKey.status.${status}`, { fingerprint: stored });
  if (status === 'conflict') {
    tone = checked ? 'danger' : 'warning';
    if (checked) statusText = t('movingIn.hostKey.replaces', { fingerprint: stored });
  }

  return (
    <ImportItem
      label={
        <>
          <strong>{where}</strong> <span>{hostKey.keyType}</span>
        </>
      }
      status={statusText}
      tone={tone}
      announce={status === 'conflict'}
      checked={checked}
      disabled={!tickable}
      onChange={onToggle}
    >
      <p>
        {t('movingIn.hostKey.fingerprint')}: <code>{hostKey.fingerprint}</code>
      </p>
      <p className="muted">{originText(hostKey.origin)}</p>
    </ImportItem>
  );
}

export function HostKeyItems({
  items,
  ticked,
  onToggle,
}: {
  items: PreviewHostKey[];
  ticked: ReadonlySet<string>;
  onToggle: (id: string, ticked: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <ImportSection
      id="import-host-keys-title"
      title={t('movingIn.preview.hostKeys')}
      emptyText={t('movingIn.preview.noHostKeys')}
      items={items}
      renderItem={(item) => (
        <HostKeyItem
          key={item.id}
          item={item}
          ticked={ticked.has(item.id)}
          onToggle={(on) => onToggle(item.id, on)}
        />
      )}
    />
  );
}
