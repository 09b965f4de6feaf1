// The saved profiles (favourites, then recent, then by name) with a search,
// and quick connect beside them. Thousands of profiles stay fast: the order
// and search keys are built once per list, the search runs on a deferred
// value, and at most PROFILE_RENDER_CAP rows are rendered.
import { memo, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../shared/contract/moving-in';
import { planBackupTarget, portalFieldText } from '../../../shared/model/backup-target';
import type { Profile, ProfileKind } from '../../../shared/model/profile';
import { defaultRemoteUser, type Settings } from '../../../shared/model/settings';
import { useApp } from '../../app/context';
import { Field } from '../../components/Field';
import { hostAndPort } from '../../components/host-port';
import { useErrorText } from '../../components/errors';
import { ErrorMessage } from '../../components/Messages';
import { ExportView } from '../moving-in/ExportView';
import { ImportOffer } from '../moving-in/ImportOffer';
import { ImportView } from '../moving-in/ImportView';
import { ProfileEditor } from './ProfileEditor';
import { indexProfiles, searchProfiles } from './profile-search';
import { QuickConnect } from './QuickConnect';

interface RowActions {
  onConnect: (profile: Profile) => void;
  onEdit: (profile: Profile) => void;
  onRemove: (profile: Profile) => void;
  onFavourite: (profile: Profile) => void;
}

/** `user@host[:port]`, and the portal for a Backupserver. */
function destination(profile: Profile, defaultUser: string): { target: string; portal: string | null } {
  const user = profile.user || defaultUser;
  const target = `${user}@${hostAndPort(profile.host, profile.port)}`;
  if (profile.kind !== 'backup') return { target, portal: null };
  const plan = planBackupTarget(profile.host, portalFieldText(profile));
  return { target, portal: plan.ok ? hostAndPort(plan.portalHost, plan.portalPort) : null };
}

const ProfileRow = memo(function ProfileRow({
  profile,
  defaultUser,
  actions,
}: {
  profile: Profile;
  defaultUser: string;
  actions: RowActions;
}) {
  const { t } = useTranslation();
  const { target, portal } = destination(profile, defaultUser);
  return (
    <li aria-label={profile.name}>
      <div className="profile-main">
        <button
          type="button"
          className="favourite-toggle"
          aria-pressed={profile.favourite}
          aria-label={t('profiles.favouriteToggle', { name: profile.name })}
          onClick={() => actions.onFavourite(profile)}
        >
          <span aria-hidden="true">{profile.favourite ? '★' : '☆'}</span>
        </button>
        <div>
          <strong>{profile.name}</strong>
          <span className="muted">
            {' '}
            {t(`profiles.kind.${profile.kind}`)} · {target}
            {portal && ` · ${t('profiles.via', { portal })}`}
          </span>
        </div>
      </div>
      <div className="actions">
        <button type="button" className="primary" onClick={() => actions.onConnect(profile)}>
          {t('profiles.connect')}
        </button>
        <button type="button" onClick={() => actions.onEdit(profile)}>
          {t('profiles.edit')}
        </button>
        <button type="button" onClick={() => actions.onRemove(profile)}>
          {t('profiles.remove')}
        </button>
      </div>
    </li>
  );
});

/** The matching rows (at most the cap) and a line saying how many more there are. */
export function ProfileRows({
  shown,
  total,
  defaultUser,
  actions,
}: {
  shown: Profile[];
  total: number;
  defaultUser: string;
  actions: RowActions;
}) {
  const { t } = useTranslation();
  if (total === 0) return <p>{t('profiles.noMatch')}</p>;
  return (
    <>
      <ul className="profiles" aria-labelledby="profiles-title">
        {shown.map((profile) => (
          <ProfileRow key={profile.id} profile={profile} defaultUser={defaultUser} actions={actions} />
        ))}
      </ul>
      {total > shown.length && (
        <p className="muted more">{t('profiles.more', { count: total - shown.length })}</p>
      )}
    </>
  );
}

export function ProfileList({
  settings,
  onConnect,
  onQuickConnect,
}: {
  settings: Settings;
  onConnect: (profile: Profile) => void;
  onQuickConnect: (kind: ProfileKind, host: string, shown: string) => void;
}) {
  const { t } = useTranslation();
  const { api } = useApp();
  const errorText = useErrorText();
  const [profiles, setProfiles] = useState<Profile[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [editing, setEditing] = useState<Profile | 'new' | null>(null);
  const [movingIn, setMovingIn] = useState<
    { view: 'import'; preview?: ImportPreview } | { view: 'export' }
  >();
  const [failure, setFailure] = useState<string>();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const index = useMemo(() => indexProfiles(profiles), [profiles]);
  const matches = useMemo(() => searchProfiles(index, deferredQuery), [index, deferredQuery]);
  const defaultUser = defaultRemoteUser(settings);

  const reload = () =>
    api.profiles.list().then(
      (list) => {
        setProfiles(list);
        setLoaded(true);
      },
      (error: unknown) => setFailure(errorText(error)),
    );
  useEffect(() => {
    void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const replace = (saved: Profile) =>
    setProfiles((list) => list.map((profile) => (profile.id === saved.id ? saved : profile)));

  // One object for every row, so memoised rows do not render again while typing.
  const actions = useMemo<RowActions>(
    () => ({
      onConnect: (profile) => {
        // Recent first at once; main records the time of the connect itself.
        replace({ ...profile, lastUsedAt: Date.now() });
        onConnect(profile);
      },
      onEdit: setEditing,
      onRemove: async (profile) => {
        if (!window.confirm(t('profiles.confirmRemove', { name: profile.name }))) return;
        try {
          await api.profiles.remove({ id: profile.id });
          setProfiles((list) => list.filter((p) => p.id !== profile.id));
        } catch (error) {
          setFailure(errorText(error));
        }
      },
      onFavourite: async (profile) => {
        try {
          replace(await api.profiles.save({ ...profile, favourite: !profile.favourite }));
        } catch (error) {
          setFailure(errorText(error));
        }
      },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, onConnect, t],
  );

  if (editing) {
    return (
      <ProfileEditor
        profile={editing === 'new' ? undefined : editing}
        settings={settings}
        onClose={() => {
          setEditing(null);
          void reload();
        }}
      />
    );
  }

  if (movingIn?.view === 'import') {
    return (
      <ImportView
        preview={movingIn.preview}
        defaultUser={defaultUser}
        onClose={() => {
          setMovingIn(undefined);
          void reload();
        }}
      />
    );
  }
  if (movingIn?.view === 'export') return <ExportView onClose={() => setMovingIn(undefined)} />;

  return (
    <div className="profiles-page">
      <QuickConnect onConnect={onQuickConnect} />
      <section className="card" aria-labelledby="profiles-title">
        <div className="row spread">
          <h2 id="profiles-title">{t('profiles.title')}</h2>
          <div className="actions">
            <button type="button" className="primary" onClick={() => setEditing('new')}>
              {t('profiles.new')}
            </button>
            <button type="button" onClick={() => setMovingIn({ view: 'import' })}>
              {t('movingIn.importButton')}
            </button>
            <button type="button" onClick={() => setMovingIn({ view: 'export' })}>
              {t('movingIn.exportButton')}
            </button>
          </div>
        </div>
        <ErrorMessage>{failure}</ErrorMessage>
        {profiles.length === 0 ? (
          <>
            <p>{t('profiles.empty')}</p>
            {loaded && <ImportOffer onOpen={(preview) => setMovingIn({ view: 'import', preview })} />}
          </>
        ) : (
          <>
            <Field
              label={t('profiles.search')}
              hint={t('profiles.searchHint')}
              type="search"
              value={query}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setQuery(e.target.value)}
            />
            <ProfileRows
              shown={matches.shown}
              total={matches.total}
              defaultUser={defaultUser}
              actions={actions}
            />
          </>
        )}
      </section>
    </div>
  );
}
