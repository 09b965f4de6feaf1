// The heading of a step of the import or export: focused when the step
// appears, so keyboard and screen reader users go on from there instead of
// from the top of the page.
import { useEffect, useRef, type ReactNode } from 'react';

export function StepHeading({ id, children }: { id: string; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h2 id={id} ref={ref} tabIndex={-1}>
      {children}
    </h2>
  );
}
