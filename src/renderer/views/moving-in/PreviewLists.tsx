// What a preview offers, as the user ticks it: what was read, the profiles,
// host keys and key files, and the problems below. Holds no state, so the
// form above it decides what is ticked.
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../shared/contract/moving-in';
import { HostKeyItems } from './HostKeyItems';
import { ImportProblems } from './ImportProblems';
import { KeyFileItems } from './KeyFileItems';
import { useSourceName } from './problem-text';
import { ProfileItems } from './ProfileItems';
import type { ImportSelection, SelectionList } from './selection';

export function PreviewLists({
  preview,
  selection,
  defaultUser,
  onToggle,
}: {
  preview: ImportPreview;
  selection: ImportSelection;
  defaultUser: string;
  onToggle: (list: SelectionList, id: string, ticked: boolean) => void;
}) {
  const { t } = useTranslation();
  const sourceName = useSourceName();
  const empty = preview.profiles.length + preview.hostKeys.length + preview.keyFiles.length === 0;
  return (
    <>
      <p className="muted" title={preview.sources.join('\n')}>
        {preview.sources.length === 0
          ? t('movingIn.preview.noSources')
          : t('movingIn.preview.sources', { sources: preview.sources.map(sourceName).join(', ') })}
      </p>
      {empty && <p>{t('movingIn.problems.nothingFound')}</p>}
      <ProfileItems
        items={preview.profiles}
        ticked={selection.profiles}
        defaultUser={defaultUser}
        onToggle={(id, on) => onToggle('profiles', id, on)}
      />
      <HostKeyItems
        items={preview.hostKeys}
        ticked={selection.hostKeys}
        onToggle={(id, on) => onToggle('hostKeys', id, on)}
      />
      <KeyFileItems
        items={preview.keyFiles}
        ticked={selection.keyFiles}
        onToggle={(id, on) => onToggle('keyFiles', id, on)}
      />
      <ImportProblems problems={preview.problems} />
    </>
  );
}
