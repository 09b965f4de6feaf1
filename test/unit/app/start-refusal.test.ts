import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/main/core/app-error';
import { startRefusal } from '../../../src/main/app/start-refusal';

describe('startRefusal', () => {
  const inUse = new AppError('storage.dataFolderInUse', {
    folder: '/home/max/.config/Fernwartung',
    pid: 4711,
  });

  it('names the folder and the other process, in German unless the system speaks English', () => {
    const de = startRefusal(inUse, 'de-DE');
    expect(de.title).toBe('Fernwartung kann nicht starten');
    expect(de.message).toContain('/home/max/.config/Fernwartung');
    expect(de.message).toContain('Prozess 4711');
    expect(startRefusal(inUse, 'fr').message).toContain('läuft bereits');
    const en = startRefusal(inUse, 'en-GB');
    expect(en.title).toBe('Fernwartung cannot start');
    expect(startRefusal(inUse, 'en_US.UTF-8').title).toBe('Fernwartung cannot start');
    expect(startRefusal(inUse, 'de_DE.UTF-8').title).toBe('Fernwartung kann nicht starten');
    expect(en.message).toContain(
      'already running with the data folder /home/max/.config/Fernwartung (process 4711',
    );
  });

  it('names only the kind of any other failure, never its message', () => {
    const message = startRefusal(new SyntaxError('Unexpected token in {"secret": …'), 'en-US').message;
    expect(message).toBe('Starting failed (SyntaxError). The log has the details.');
    const taken = Object.assign(new Error('listen EADDRINUSE: address already in use 127.0.0.1:8080'), {
      code: 'EADDRINUSE',
    });
    expect(startRefusal(taken, 'de').message).toBe(
      'Der Start ist fehlgeschlagen (EADDRINUSE). Einzelheiten stehen im Protokoll.',
    );
  });
});
