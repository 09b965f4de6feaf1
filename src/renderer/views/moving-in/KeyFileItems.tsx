// The key files the imported sessions use, offered for the agent: a missing
// one or one loaded at start already cannot be ticked, and says why.
import { useTranslation } from 'react-i18next';
import { ImportSection } from './ImportSection';
import type { PreviewKeyFile } from '../../../shared/contract/moving-in';
import { ImportItem } from './ImportItem';
import { canTickKeyFile } from './selection';

export function KeyFileItems({
  items,
  ticked,
  onToggle,
}: {
  items: PreviewKeyFile[];
  ticked: ReadonlySet<string>;
  onToggle: (id: string, ticked: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <ImportSection
      id="import-key-files-title"
      title={t('movingIn.preview.keyFiles')}
      emptyText={t('movingIn.preview.noKeyFiles')}
      items={items}
      renderItem={({ id, status, keyFile }) => (
        <ImportItem
          key={id}
          label={<code>{keyFile.path}</code>}
          status={t(`movingIn.keyFile.status.${status}`)}
          checked={canTickKeyFile(status) && ticked.has(id)}
          disabled={!canTickKeyFile(status)}
          onChange={(on) => onToggle(id, on)}
        >
          {keyFile.usedBy.length > 0 && (
            <p className="muted">{t('movingIn.keyFile.usedBy', { names: keyFile.usedBy.join(', ') })}</p>
          )}
        </ImportItem>
      )}
    />
  );
}
