// Create or edit a profile: a Portalserver (direct) or a Backupserver
// (through its portal). The form shows where it will connect before saving.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_PORTAL_PORT, planBackupTarget, portalFieldText } from '../../../shared/model/backup-target';
import {
  remoteUserSchema,
  type Profile,
  type ProfileDraft,
  type ProfileKind,
} from '../../../shared/model/profile';
import { defaultRemoteUser, type Settings } from '../../../shared/model/settings';
import { useApp } from '../../app/context';
import { Checkbox } from '../../components/Checkbox';
import { Field } from '../../components/Field';
import { FileField } from '../../components/FileField';
import { useErrorText } from '../../components/errors';
import { ErrorMessage } from '../../components/Messages';
import { KindRadioGroup } from './KindRadioGroup';
import { TargetPreviewLine } from './TargetPreviewLine';
import { previewTarget } from './target-preview';

export function ProfileEditor(props: {
  profile?: Profile;
  settings: Settings;
  onClose: (saved?: Profile) => void;
}) {
  const { t } = useTranslation();
  const { api } = useApp();
  const errorText = useErrorText();
  const [kind, setKind] = useState<ProfileKind>(props.profile?.kind ?? 'portal');
  const [name, setName] = useState(props.profile?.name ?? '');
  const [host, setHost] = useState(props.profile?.host ?? '');
  const [port, setPort] = useState(String(props.profile?.port ?? 22));
  const [portal, setPortal] = useState(props.profile ? portalFieldText(props.profile) : '');
  const [user, setUser] = useState(props.profile?.user ?? '');
  const [keyPath, setKeyPath] = useState(props.profile?.keyPath ?? '');
  const [favourite, setFavourite] = useState(props.profile?.favourite ?? false);
  const [agentForwarding, setAgentForwarding] = useState(props.profile?.agentForwarding ?? false);
  const [autoReconnect, setAutoReconnect] = useState(props.profile?.autoReconnect ?? false);
  const [touched, setTouched] = useState(false);
  const [failure, setFailure] = useState<string>();

  const portValid = /^\d+$/.test(port) && +port >= 1 && +port <= 65535;
  const preview = previewTarget(kind, host, portValid ? Number(port) : 22, portal);
  const problem = preview.ok ? undefined : preview.problem;
  const invalid = {
    name: name.trim() === '' ? t('profiles.invalid.name') : undefined,
    // The preview checks the host for either kind; only a Backupserver has portal problems.
    host: problem === 'hostInvalid' ? t('profiles.invalid.host') : undefined,
    port: portValid ? undefined : t('profiles.invalid.port'),
    portal: problem && problem !== 'hostInvalid' ? t(`profiles.problem.${problem}`) : undefined,
    user:
      user.trim() === '' || remoteUserSchema.safeParse(user).success ? undefined : t('profiles.invalid.user'),
  };
  const show = (key: keyof typeof invalid) => (touched ? invalid[key] : undefined);

  const target = (): Pick<ProfileDraft, 'host' | 'portalHost' | 'portalPort'> => {
    if (kind === 'portal') return { host, portalHost: '', portalPort: DEFAULT_PORTAL_PORT };
    const plan = planBackupTarget(host, portal);
    if (!plan.ok) throw new Error('checked above');
    // A derived portal is stored empty, so a later change of the domain still derives it.
    return plan.portalDerived
      ? { host: plan.backupHost, portalHost: '', portalPort: DEFAULT_PORTAL_PORT }
      : { host: plan.backupHost, portalHost: plan.portalHost, portalPort: plan.portalPort };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (Object.values(invalid).some(Boolean)) return;
    try {
      const saved = await api.profiles.save({
        id: props.profile?.id,
        kind,
        name,
        ...target(),
        port: Number(port),
        user: user.trim(),
        keyPath: keyPath.trim(),
        favourite,
        lastUsedAt: props.profile?.lastUsedAt ?? null,
        agentForwarding,
        autoReconnect,
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
        <KindRadioGroup value={kind} onChange={setKind} />
        <Field
          label={t('profiles.host')}
          hint={kind === 'portal' ? t('profiles.hostHint') : t('profiles.hostHintBackup')}
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
        {kind === 'backup' && (
          <Field
            label={t('profiles.portal')}
            hint={t('profiles.portalHint')}
            value={portal}
            placeholder={preview.ok && preview.portal && portal.trim() === '' ? preview.portal : undefined}
            onChange={(e) => setPortal(e.target.value)}
            error={show('portal')}
          />
        )}
        {host.trim() !== '' && (
          // Once the form was sent, a problem shows at its field instead.
          <TargetPreviewLine preview={preview} showProblem={!touched} />
        )}
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
        <Checkbox label={t('profiles.favourite')} checked={favourite} onChange={setFavourite} />
        <Checkbox
          label={t('profiles.agentForwarding')}
          hint={t('profiles.agentForwardingWarning')}
          warning
          checked={agentForwarding}
          onChange={setAgentForwarding}
        />
        <Checkbox
          label={t('profiles.autoReconnect')}
          hint={t('profiles.autoReconnectHint')}
          checked={autoReconnect}
          onChange={setAutoReconnect}
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
