// How a source and a problem read in the user's language: the file's name
// (PuTTY's registry named as such), and the problem's text with its params,
// a profile field and a file error code put into words where there are some.
import { useTranslation } from 'react-i18next';
import type { ImportProblem } from '../../../shared/model/moving-in';

/** Where the importers say they read PuTTY's keys from the Windows registry. */
const REGISTRY = 'registry';

/** The last part of a path, for `/` and `\` alike. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

export function useSourceName(): (source: string) => string {
  const { t } = useTranslation();
  return (source) => (source === REGISTRY ? t('movingIn.preview.registry') : fileName(source));
}

export function useProblemText(): (problem: ImportProblem) => string {
  const { t } = useTranslation();
  return ({ code, params }) => {
    const values: Record<string, string | number | boolean> = { ...params };
    if (typeof params.field === 'string')
      values.field = t(`movingIn.field.${params.field}`, { defaultValue: params.field });
    if (typeof params.reason === 'string')
      values.reason = t(`movingIn.readReason.${params.reason}`, { defaultValue: params.reason });
    // `replace`, not spread: a param named like an i18next option (count, context) stays a value.
    return t(`movingIn.problem.${code}`, { replace: values });
  };
}
