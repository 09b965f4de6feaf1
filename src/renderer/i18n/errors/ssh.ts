import type { sshErrorCodes } from '../../../shared/errors/ssh';
import type { ErrorTexts } from './types';

export const sshErrorTexts: ErrorTexts<(typeof sshErrorCodes)[number]> = {
  de: { 'ssh.hostNotFound': 'Der Rechnername „{{host}}“ wurde nicht gefunden.' },
  en: { 'ssh.hostNotFound': 'The host name “{{host}}” was not found.' },
};
