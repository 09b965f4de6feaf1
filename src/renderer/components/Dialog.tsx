import { useEffect, useId, useRef, type ReactNode } from 'react';

/** A modal dialog (native <dialog>), named by its title. */
export function Dialog({
  title,
  children,
  onCancel,
  describedBy,
}: {
  title: string;
  children: ReactNode;
  onCancel?: () => void;
  /** Id of an element inside that says more (e.g. which login step asks). */
  describedBy?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      onCancel={(event) => {
        event.preventDefault();
        onCancel?.();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}
