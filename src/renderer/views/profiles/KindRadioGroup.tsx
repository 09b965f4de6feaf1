// The kind of a profile or quick connect: Portalserver or Backupserver.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { profileKinds, type ProfileKind } from '../../../shared/model/profile';

export function KindRadioGroup({
  value,
  onChange,
}: {
  value: ProfileKind;
  onChange: (kind: ProfileKind) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <span id={`${id}-label`} className="field-label">
        {t('profiles.kindLabel')}
      </span>
      <div role="radiogroup" aria-labelledby={`${id}-label`} className="radios">
        {profileKinds.map((kind) => (
          <label key={kind} className="radio">
            <input
              type="radio"
              name={`${id}-kind`}
              value={kind}
              checked={value === kind}
              onChange={() => onChange(kind)}
            />
            <span>{t(`profiles.kind.${kind}`)}</span>
          </label>
        ))}
      </div>
    </div>
  );
}
