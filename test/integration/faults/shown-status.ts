// What the tab's status line says for a session's end state, composed from the
// app's own German texts as SessionStatus.tsx composes it: "Getrennt: <reason>".
// The component itself (with Neu verbinden, or Erneut versuchen for a login that
// never succeeded) is rendered in test/unit/renderer/session-status.test.ts,
// under the web tsconfig.
import { expect } from 'vitest';
import { textBundle } from '../../../src/renderer/i18n/text-bundle';
import type { SessionState } from '../../../src/shared/contract/sessions';

const de = textBundle('de') as {
  terminal: { state: { disconnected: string } };
  errors: Record<string, string>;
};

const fill = (text: string, params: Record<string, unknown>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(params[name] ?? `{{${name}}}`));

/** Disconnected with `code`: "Getrennt: <reason in words>", every placeholder filled. */
export function expectShownReason(state: SessionState | undefined, code: string, reasonWords: RegExp): void {
  expect(state).toMatchObject({ state: 'disconnected', error: { code } });
  const reason = de.errors[code];
  expect(reason, `a German text for ${code}`).toBeTruthy();
  const line = `${de.terminal.state.disconnected}: ${fill(reason!, state!.error!.params)}`;
  expect(line).toMatch(/^Getrennt: /);
  expect(line).toMatch(reasonWords);
  expect(line).not.toContain('{{'); // every placeholder filled from the error's params
}
