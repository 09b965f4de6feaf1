// A server's questions after the key was accepted (keyboard-interactive),
// above all DUO's menu: the dialog names the server and the login step, shows
// the raw prompt as the server sent it, turns Duo's options into buttons and
// always lets the user answer as typed. Main gives up at the deadline.
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Prompt, PromptAnswer } from '../../../shared/contract/prompts';
import { isPasscodeOnlyPrompt, parseDuoPrompt, type DuoOption } from '../../../shared/duo/duo-prompt';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useHopText } from '../../components/hop';
import { formatCountdown } from '../../components/time-format';
import { useNow } from '../../components/use-now';

type KeyboardInteractive = Extract<Prompt, { kind: 'keyboardInteractive' }>;

/** The last non-empty line of a prompt: the question itself. */
function question(text: string): string {
  return (
    text
      .split(/\r\n|\r|\n/)
      .map((line) => line.trim())
      .filter(Boolean)
      .pop() ?? ''
  );
}

function DuoOptionButton({ option, onChoose }: { option: DuoOption; onChoose: () => void }) {
  const { t } = useTranslation();
  const text =
    option.kind !== 'other' && option.device
      ? t(`duo.${option.kind}`, { device: option.device })
      : option.label;
  return (
    <button type="button" className="primary" onClick={onChoose}>
      {text}
    </button>
  );
}

export function KeyboardInteractivePrompt({
  prompt,
  answer,
}: {
  prompt: KeyboardInteractive;
  answer: (a: PromptAnswer) => void;
}) {
  const { t } = useTranslation();
  const hopText = useHopText();
  const id = useId();
  const now = useNow(true);
  const [values, setValues] = useState(() => prompt.prompts.map(() => ''));
  const single = prompt.prompts.length === 1;
  // Only a single prompt can be Duo's menu: an option answers the whole request.
  const menu = useMemo(
    () => (prompt.prompts.length === 1 ? parseDuoPrompt(prompt.prompts[0]!.prompt) : null),
    [prompt.prompts],
  );
  const options = menu?.options ?? [];

  const send = (answers: string[]) => answer({ kind: 'keyboardInteractive', answers });
  const cancel = () => answer({ kind: 'keyboardInteractive', answers: null });
  const stepId = `${id}-step`;

  return (
    <Dialog
      title={t('duo.title', { server: hopText.server(prompt.hop) })}
      onCancel={cancel}
      describedBy={stepId}
    >
      <div className="keyboard-interactive">
        <p id={stepId} className="hop-step">
          {hopText.step(prompt.hop)}
        </p>
        {prompt.username && <p className="muted">{t('duo.user', { user: prompt.username })}</p>}
        {prompt.name && <p>{prompt.name}</p>}
        {prompt.instructions && <pre className="prompt-text">{prompt.instructions}</pre>}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            send(values);
          }}
        >
          {prompt.prompts.map((item, index) => {
            const textId = `${id}-prompt-${index}`;
            // One prompt: the field is "Passcode" and the raw text stands above it.
            // Several: each field is named by its question.
            const label =
              single || isPasscodeOnlyPrompt(item.prompt)
                ? t('duo.passcode')
                : question(item.prompt) || t('duo.answer', { index: index + 1 });
            const showText = single || item.prompt.trim() !== label;
            return (
              <div key={index} className="prompt-item">
                {showText && (
                  <pre id={textId} className="prompt-text">
                    {item.prompt}
                  </pre>
                )}
                {options.length > 0 && (
                  <div role="group" aria-label={t('duo.options')} className="duo-options actions">
                    {options.map((option) => (
                      <DuoOptionButton
                        key={option.answer}
                        option={option}
                        onChoose={() => send([option.answer])}
                      />
                    ))}
                  </div>
                )}
                {menu?.nextCode && <p className="muted">{t('duo.nextCode', { code: menu.nextCode })}</p>}
                <Field
                  label={label}
                  type={item.echo ? 'text' : 'password'}
                  autoComplete="one-time-code"
                  spellCheck={false}
                  aria-describedby={showText ? textId : undefined}
                  value={values[index] ?? ''}
                  onChange={(e) => {
                    const value = e.target.value;
                    setValues((current) => current.map((v, i) => (i === index ? value : v)));
                  }}
                />
              </div>
            );
          })}
          <p className="countdown">
            <span role="timer">{t('duo.timeLeft', { time: formatCountdown(prompt.deadline - now) })}</span>
          </p>
          <div className="actions">
            <button type="submit" className={options.length > 0 ? undefined : 'primary'}>
              {t('duo.send')}
            </button>
            <button type="button" onClick={cancel}>
              {t('duo.cancel')}
            </button>
          </div>
        </form>
      </div>
    </Dialog>
  );
}
