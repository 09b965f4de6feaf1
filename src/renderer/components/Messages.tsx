// The two messages every form shows: an error (read out at once by screen
// readers) and a busy note while main works (key generation, loading).
import type { ReactNode } from 'react';

export function ErrorMessage({ children }: { children?: ReactNode }) {
  if (!children) return null;
  return (
    <p role="alert" className="error">
      {children}
    </p>
  );
}

export function BusyNote({ text }: { text: string }) {
  return (
    <p role="status" className="progress">
      <progress aria-label={text} />
      <span>{text}</span>
    </p>
  );
}
