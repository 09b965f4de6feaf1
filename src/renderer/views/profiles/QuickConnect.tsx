// Quick connect beside the saved profiles: a school's domain and the kind,
// with the settings' user and the agent's keys (no profile is saved).
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileKind } from '../../../shared/model/profile';
import { Field } from '../../components/Field';
import { KindRadioGroup } from './KindRadioGroup';
import { TargetPreviewLine } from './TargetPreviewLine';
import { previewTarget } from './target-preview';

export function QuickConnect({
  onConnect,
}: {
  /** `shown`: where it leads as the preview says it (a Backupserver completed to backup.<domain>). */
  onConnect: (kind: ProfileKind, host: string, shown: string) => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const [kind, setKind] = useState<ProfileKind>('portal');
  const [host, setHost] = useState('');
  const [touched, setTouched] = useState(false);
  const preview = previewTarget(kind, host, 22, '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!preview.ok) return;
    onConnect(kind, host.trim().toLowerCase(), preview.host);
    setTouched(false);
  };

  return (
    <section className="card quick-connect" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('quick.title')}</h2>
      <form onSubmit={submit} noValidate>
        <Field
          label={t('quick.host')}
          hint={t('quick.hint')}
          value={host}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setHost(e.target.value)}
          error={touched && !preview.ok ? t(`profiles.problem.${preview.problem}`) : undefined}
        />
        <KindRadioGroup value={kind} onChange={setKind} />
        {host.trim() !== '' && <TargetPreviewLine preview={preview} showProblem={!touched} />}
        <button type="submit" className="primary">
          {t('quick.connect')}
        </button>
      </form>
    </section>
  );
}
