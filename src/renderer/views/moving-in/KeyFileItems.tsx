// The key files the imported sessions use, offered for the agent: a missing
// one or one loaded at start already cannot be ticked, and says why.
import { useTranslation } from 'react-i18next';
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
    <section className="import-section" aria-labelledby="import-key-files-title">
      <h3 id="import-key-files-title">{t('movingIn.preview.keyFiles')}</h3>
      {items.length === 0 ? (
        <p className="muted">{t('movingIn.preview.noKeyFiles')}</p>
      ) : (
        <ul className="import-items" aria-labelledby="import-key-files-title">
          {items.map(({ id, status, keyFile }) => (
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
          ))}
        </ul>
      )}
    </section>
  );
}
