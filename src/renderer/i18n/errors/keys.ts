import type { keyErrorCodes } from '../../../shared/errors/keys';
import type { ErrorTexts } from './types';

export const keyErrorTexts: ErrorTexts<(typeof keyErrorCodes)[number]> = {
  de: {
    'keys.policyRefused':
      'Dieser Schlüssel ({{type}}, {{bits}} Bit) ist nicht zulässig. IServ akzeptiert nur ED25519 oder RSA mit genau 4096 Bit.',
  },
  en: {
    'keys.policyRefused':
      'This key ({{type}}, {{bits}} bits) is not allowed. IServ accepts only ED25519, or RSA with exactly 4096 bits.',
  },
};
