import { useTranslation } from 'react-i18next';
import { ContractError } from '../../shared/contract/api';
import type { ErrorInfo } from '../../shared/errors';

export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof ContractError) return error.info;
  return { code: 'internal', params: {} };
}

/** Translates an error that crossed the contract into the user's language. */
export function useErrorText(): (error: ErrorInfo | unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    const info =
      error && typeof error === 'object' && 'code' in error ? (error as ErrorInfo) : toErrorInfo(error);
    return t(`errors.${info.code}`, { ...info.params });
  };
}
