// The status line as static HTML: a session waiting to reconnect by itself
// shows why it dropped, the waiting note and Neu verbinden; and which states
// need the clock renewed (the countdown each second, "Verbunden seit" each minute).
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { AppContext, type AppContextValue } from '../../../src/renderer/app/context';
import { SessionStatus, statusClockInterval } from '../../../src/renderer/views/terminal/SessionStatus';
import type { SessionState } from '../../../src/shared/contract/sessions';
import { render, textOf } from './render';

const app = { api: {}, info: {} } as unknown as AppContextValue;
const dropped: SessionState = {
  sessionId: 's1',
  profileId: 'p1',
  state: 'disconnected',
  error: { code: 'connection.notFound', params: {} },
};

const show = (state: SessionState, waitingForReuse: boolean, language: 'de' | 'en' = 'de') =>
  render(
    createElement(
      AppContext.Provider,
      { value: app },
      createElement(SessionStatus, {
        state,
        connectedAt: 0,
        host: 'meine-schule.de',
        waitingForReuse,
        onRetry() {},
        onClose() {},
      }),
    ),
    language,
  );

describe('session status', () => {
  it('shows why it dropped, the waiting note and Neu verbinden while waiting', async () => {
    const text = textOf(await show(dropped, true));
    expect(text).toContain(
      'Getrennt: Diese Verbindung besteht nicht mehr. · Verbindet automatisch, sobald eine bestehende Verbindung verfügbar ist',
    );
    expect(text).toContain('Neu verbinden');
  });

  it('says it in English', async () => {
    expect(textOf(await show(dropped, true, 'en'))).toContain(
      'Reconnects automatically as soon as an open connection is available',
    );
  });

  it('has no waiting note when not waiting', async () => {
    expect(textOf(await show(dropped, false))).not.toContain('Verbindet automatisch');
  });

  it('renews the clock each second for the countdown and each minute while connected', () => {
    expect(statusClockInterval('waitingForApproval')).toBe(1000);
    expect(statusClockInterval('connected')).toBe(60_000);
    expect(statusClockInterval('disconnected')).toBeUndefined();
    expect(statusClockInterval('connecting')).toBeUndefined();
  });
});
