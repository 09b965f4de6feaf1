import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../shared/model/profile';
import { defaultRemoteUser, type Settings } from '../../../shared/model/settings';
import { useApp } from '../../app/context';
import { useErrorText } from '../../components/errors';
import { ProfileEditor } from './ProfileEditor';
import { ErrorMessage } from '../../components/Messages';

export function ProfileList({
  settings,
  onConnect,
}: {
  settings: Settings;
  onConnect: (profile: Profile) => void;
}) {
  const { t } = useTranslation();
  const { api } = useApp();
  const errorText = useErrorText();
  const [profiles, setProfiles] = useState<Profile[]>([]);
  const [editing, setEditing] = useState<Profile | 'new' | null>(null);
  const [failure, setFailure] = useState<string>();

  const reload = () =>
    api.profiles.list().then(setProfiles, (error: unknown) => setFailure(errorText(error)));
  useEffect(() => {
    void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

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

  const remove = async (profile: Profile) => {
    if (!window.confirm(t('profiles.confirmRemove', { name: profile.name }))) return;
    await api.profiles.remove({ id: profile.id }).catch((error: unknown) => setFailure(errorText(error)));
    void reload();
  };

  return (
    <section className="card" aria-labelledby="profiles-title">
      <div className="row spread">
        <h2 id="profiles-title">{t('profiles.title')}</h2>
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          {t('profiles.new')}
        </button>
      </div>
      <ErrorMessage>{failure}</ErrorMessage>
      {profiles.length === 0 ? (
        <p>{t('profiles.empty')}</p>
      ) : (
        <ul className="profiles" aria-labelledby="profiles-title">
          {profiles.map((profile) => (
            <li key={profile.id} aria-label={profile.name}>
              <div>
                <strong>{profile.name}</strong>
                <span className="muted">
                  {' '}
                  {t(`profiles.kind.${profile.kind}`)} · {profile.user || defaultRemoteUser(settings)}@
                  {profile.host}
                  {profile.port !== 22 ? `:${profile.port}` : ''}
                </span>
              </div>
              <div className="actions">
                <button type="button" className="primary" onClick={() => onConnect(profile)}>
                  {t('profiles.connect')}
                </button>
                <button type="button" onClick={() => setEditing(profile)}>
                  {t('profiles.edit')}
                </button>
                <button type="button" onClick={() => void remove(profile)}>
                  {t('profiles.remove')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
