// For the moving-in tests: static HTML with all of the app's texts (as the app
// loads them, src/renderer/i18n/index.ts) and a fake api in the app context,
// and a preview with one item of each kind and status.
import { createElement, type ReactElement } from 'react';
import { AppContext, type AppContextValue } from '../../../src/renderer/app/context';
import { render } from './render';
import type { ImportPreview } from '../../../src/shared/contract/moving-in';

type Language = 'de' | 'en';

export async function renderMovingIn(
  element: ReactElement,
  language: Language = 'de',
  app: Partial<AppContextValue> = {},
): Promise<string> {
  const value = { api: {}, info: { shell: 'browser', platform: 'linux' }, ...app } as AppContextValue;
  return render(createElement(AppContext.Provider, { value }, element), language);
}

export interface CheckboxInfo {
  name: string;
  checked: boolean;
  disabled: boolean;
  describedBy: string[];
}

/** Each checkbox with its accessible name (the text of its label). */
export function checkboxes(html: string): CheckboxInfo[] {
  return [...html.matchAll(/<label[^>]*>\s*<input type="checkbox"([^>]*)\/>(.*?)<\/label>/g)].map((m) => ({
    name: textOf(m[2]!),
    checked: /\schecked=""/.test(m[1]!),
    disabled: /\sdisabled=""/.test(m[1]!),
    describedBy: (/aria-describedby="([^"]*)"/.exec(m[1]!)?.[1] ?? '').split(' ').filter(Boolean),
  }));
}

/** The text of the element with this id. */
export function textById(html: string, id: string): string {
  const match = new RegExp(`<(\\w+)[^>]*\\sid="${id}"[^>]*>(.*?)</\\1>`, 's').exec(html);
  return match ? textOf(match[2]!) : '';
}

export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .replace(/ ([:.,])/g, '$1')
    .trim();
}

export function samplePreview(): ImportPreview {
  const origin = (name: string, line: number) => ({ source: '/home/max/.ssh/config', line, name });
  const profile = {
    kind: 'portal' as const,
    host: 'meine-schule.de',
    port: 22,
    portalHost: '',
    portalPort: 22,
    user: '',
    keyPath: '',
    agentForwarding: false,
    notCarried: [],
  };
  const hostKey = {
    origin: { source: '/home/max/.ssh/known_hosts', line: 3 },
    port: 22,
    hashedHost: null,
    keyType: 'ssh-ed25519',
    keyBase64: 'AAAA',
  };
  return {
    previewId: 'preview-1',
    sources: ['/home/max/.ssh/config', '/home/max/.ssh/known_hosts'],
    profiles: [
      {
        id: 'p1',
        status: 'new',
        existingName: null,
        profile: {
          ...profile,
          origin: origin('neue-schule', 4),
          name: 'Neue Schule',
          host: 'neue-schule.de',
          notCarried: [{ setting: 'ServerAliveInterval', value: '30', reason: 'appSetting' }],
        },
      },
      {
        id: 'p2',
        status: 'duplicate',
        existingName: 'Meine Schule',
        profile: { ...profile, origin: origin('meine', 9), name: 'meine' },
      },
      {
        id: 'p3',
        status: 'conflict',
        existingName: 'Testschule',
        profile: {
          ...profile,
          origin: origin('Testschule', 14),
          kind: 'backup',
          name: 'Testschule',
          host: 'backup.testschule.de',
          user: 'iserv-max.mustermann',
        },
      },
    ],
    hostKeys: [
      {
        id: 'h1',
        status: 'new',
        existingFingerprint: null,
        hostKey: { ...hostKey, host: 'neue-schule.de', fingerprint: 'SHA256:neu' },
      },
      {
        id: 'h2',
        status: 'duplicate',
        existingFingerprint: 'SHA256:gleich',
        hostKey: { ...hostKey, host: 'meine-schule.de', port: 2222, fingerprint: 'SHA256:gleich' },
      },
      {
        id: 'h3',
        status: 'conflict',
        existingFingerprint: 'SHA256:alt',
        hostKey: { ...hostKey, host: 'testschule.de', fingerprint: 'SHA256:anders' },
      },
      {
        id: 'h4',
        status: 'new',
        existingFingerprint: null,
        hostKey: {
          ...hostKey,
          origin: { source: '/home/max/.ssh/known_hosts', line: 7 },
          host: null,
          port: null,
          hashedHost: '|1|c2FsdA==|aGFzaA==',
          fingerprint: 'SHA256:gehasht',
        },
      },
    ],
    keyFiles: [
      { id: 'k1', status: 'new', keyFile: { path: '/home/max/.ssh/id_ed25519', usedBy: ['Neue Schule'] } },
      { id: 'k2', status: 'missing', keyFile: { path: 'C:\\Users\\max\\key.ppk', usedBy: ['Testschule'] } },
      { id: 'k3', status: 'loaded', keyFile: { path: '/home/max/.ssh/id_rsa', usedBy: [] } },
    ],
    problems: [
      {
        source: '/home/max/.ssh/config',
        line: 12,
        code: 'sshConfig.multiHop',
        params: { host: 'weit', jump: 'a,b' },
      },
      {
        source: 'registry',
        line: null,
        code: 'putty.notSsh',
        params: { session: 'alt', protocol: 'telnet' },
      },
    ],
  };
}
