// Everything the importers could not offer or carry over, each with its
// source file and line, below the preview: all of them, also when nothing
// else was found.
import { useTranslation } from 'react-i18next';
import type { ImportProblem } from '../../../shared/model/moving-in';
import { useProblemText, useSourceName } from './problem-text';

export function ImportProblems({ problems }: { problems: ImportProblem[] }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const sourceName = useSourceName();
  if (problems.length === 0) return null;
  return (
    <section className="import-section" aria-labelledby="import-problems-title">
      <h3 id="import-problems-title">{t('movingIn.problems.title')}</h3>
      <ul className="import-problems" aria-labelledby="import-problems-title">
        {problems.map((problem, index) => (
          <li key={index}>
            <span className="problem-where" title={problem.source}>
              {problem.line === null
                ? sourceName(problem.source)
                : t('movingIn.problems.whereLine', {
                    source: sourceName(problem.source),
                    line: problem.line,
                  })}
              :
            </span>{' '}
            {problemText(problem)}
          </li>
        ))}
      </ul>
    </section>
  );
}
