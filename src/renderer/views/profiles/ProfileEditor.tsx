// Create or edit a Portalserver profile.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hostSchema, remoteUserSchema, type Profile } from '../../../shared/model/profile';
import { defaultRemoteUser, type Settings } from '../../../shared/model/settings';
import { useApp } from '../../app/context';
import { Field } from '../../components/Field';
import { FileField } from '../../components/FileField';
import { useErrorText } from '../../components/errors';
import { ErrorMessage } from '../../components/Messages';

export function ProfileEditor(props: {
  profile?: Profile;
  settings: Settings;
  onClose: (saved?: Profile) => void;
}) {
  const { t } = useTranslation();
  const { api } = useApp();
  const errorText = useErrorText();
  const [name, setName] = useState(props.profile?.name ?? '');
  const [host, setHost] = useState(props.profile?.host ?? '');
  const [port, setPort] = useState(String(props.profile?.port ?? 22));
  const [user, setUser] = useState(props.profile?.user ?? '');
  const [keyPath, setKeyPath] = useState(props.profile?.keyPath ?? '');
  const [touched, setTouched] = useState(false);
  const [failure, setFailure] = useState<string>();

  const invalid = {
    name: name.trim() === '' ? t('profiles.invalid.name') : undefined,
    host: hostSchema.safeParse(host).success ? undefined : t('profiles.invalid.host'),
    port: /^\d+$/.test(port) && +port >= 1 && +port <= 65535 ? undefined : t('profiles.invalid.port'),
    user:
      user.trim() === '' || remoteUserSchema.safeParse(user).success ? undefined : t('profiles.invalid.user'),
  };
  const show = (key: keyof typeof invalid) => (touched ? invalid[key] : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (Object.values(invalid).some(Boolean)) return;
    try {
      const saved = await api.profiles.save({
        id: props.profile?.id,
        kind: 'portal',
        name,
        host,
        port: Number(port),
        user: user.trim(),
        keyPath: keyPath.trim(),
      });
      props.onClose(saved);
    } catch (error) {
      setFailure(errorText(error));
    }
  };

  const title = props.profile ? t('profiles.editorTitleEdit') : t('profiles.editorTitleNew');
  return (
    <section className="card" aria-label={title}>
      <h2>{title}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field
          label={t('profiles.name')}
          value={name}
          autoFocus
          onChange={(e) => setName(e.target.value)}
          error={show('name')}
        />
        <Field
          label={t('profiles.host')}
          hint={t('profiles.hostHint')}
          value={host}
          onChange={(e) => setHost(e.target.value)}
          error={show('host')}
        />
        <Field
          label={t('profiles.port')}
          inputMode="numeric"
          value={port}
          onChange={(e) => setPort(e.target.value)}
          error={show('port')}
        />
        <Field
          label={t('profiles.user')}
          hint={t('profiles.userHint', { user: defaultRemoteUser(props.settings) })}
          value={user}
          placeholder={defaultRemoteUser(props.settings)}
          onChange={(e) => setUser(e.target.value)}
          error={show('user')}
        />
        <FileField
          label={t('profiles.keyPath')}
          hint={t('profiles.keyPathHint')}
          value={keyPath}
          onChange={setKeyPath}
          browseLabel={t('profiles.browse')}
        />
        <ErrorMessage>{failure}</ErrorMessage>
        <div className="actions">
          <button type="submit" className="primary">
            {t('profiles.save')}
          </button>
          <button type="button" onClick={() => props.onClose()}>
            {t('profiles.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
