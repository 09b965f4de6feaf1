// Moving in: pick a source, look at the preview and tick what to import,
// then see the result and load the ticked key files into the agent. Shown in
// place of the profile list, which reads its profiles again on close.
import { useState } from 'react';
import type { ImportPreview, ImportResult, PreviewKeyFile } from '../../../shared/contract/moving-in';
import { ImportPreviewForm } from './ImportPreviewForm';
import { ImportResultView } from './ImportResultView';
import { ImportSourcePicker } from './ImportSourcePicker';
import './moving-in.css';

export function ImportView({
  preview: offered,
  defaultUser,
  onClose,
}: {
  /** A preview read already (the first-use offer): the view starts there. */
  preview?: ImportPreview;
  /** Shown for profiles without their own user. */
  defaultUser: string;
  onClose: () => void;
}) {
  const [preview, setPreview] = useState(offered);
  const [outcome, setOutcome] = useState<{ result: ImportResult; keyFiles: PreviewKeyFile[] }>();

  if (outcome)
    return <ImportResultView result={outcome.result} keyFiles={outcome.keyFiles} onDone={onClose} />;
  if (preview)
    return (
      <ImportPreviewForm
        preview={preview}
        defaultUser={defaultUser}
        onApplied={(result, keyFiles) => setOutcome({ result, keyFiles })}
        onCancel={onClose}
      />
    );
  return <ImportSourcePicker onPreview={setPreview} onCancel={onClose} />;
}
