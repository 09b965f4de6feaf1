// Moving out: the profiles as an OpenSSH config snippet and the known hosts
// as a known_hosts file, each to copy or save, with how to use them.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/context';
import { useErrorText } from '../../components/errors';
import { BusyNote, ErrorMessage } from '../../components/Messages';
import { ExportText, type ExportedFile } from './ExportText';
import { StepHeading } from './StepHeading';
import './moving-in.css';

/** Beside the user's own known_hosts, never over it. */
const KNOWN_HOSTS_FILE = '~/.ssh/known_hosts_fernwartung';

export function ExportView({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const errorText = useErrorText();
  const [files, setFiles] = useState<{ sshConfig: ExportedFile; knownHosts: ExportedFile }>();
  const [failure, setFailure] = useState<string>();

  useEffect(() => {
    let alive = true;
    Promise.all([api.export.sshConfig(), api.export.knownHosts()]).then(
      ([sshConfig, knownHosts]) => alive && setFiles({ sshConfig, knownHosts }),
      (error: unknown) => alive && setFailure(errorText(error)),
    );
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api]);

  return (
    <section className="card import-view import-wide" aria-labelledby="export-title">
      <StepHeading id="export-title">{t('movingIn.export.title')}</StepHeading>
      <p>{t('movingIn.export.intro')}</p>
      <ErrorMessage>{failure}</ErrorMessage>
      {!files && !failure && <BusyNote text={t('movingIn.export.loading')} />}
      {files && (
        <>
          <ExportText
            id="export-ssh-config"
            title={t('movingIn.export.sshConfig')}
            file={files.sshConfig}
            hint={t('movingIn.export.sshConfigHint', { fileName: files.sshConfig.fileName })}
            snippet={`Include ~/.ssh/${files.sshConfig.fileName}`}
          />
          <ExportText
            id="export-known-hosts"
            title={t('movingIn.export.knownHosts')}
            file={files.knownHosts}
            hint={t('movingIn.export.knownHostsHint', { file: KNOWN_HOSTS_FILE })}
            snippet={`UserKnownHostsFile ~/.ssh/known_hosts ${KNOWN_HOSTS_FILE}`}
          />
        </>
      )}
      <div className="actions">
        <button type="button" onClick={onClose}>
          {t('movingIn.export.close')}
        </button>
      </div>
    </section>
  );
}
