// Main's side of every transport: validate the input of a call against the
// contract, run its handler, and turn any failure into `{code, params}`.
import { ZodError } from 'zod';
import {
  calls,
  isCallName,
  type CallName,
  type CallOutput,
  type CallParsedInput,
  type WireResult,
} from '../../shared/contract';
import { isAppError } from '../core/app-error';
import { errorCode, stackOf, type Logger } from '../core/log';

export type Handlers = {
  [K in CallName]: (input: CallParsedInput<K>) => Promise<CallOutput<K>> | CallOutput<K>;
};

/** The handlers of one capability's call table (e.g. `typeof profileCalls`). */
export type HandlersOf<Table> = { [K in keyof Table & CallName]: Handlers[K] };

export interface Dispatcher {
  invoke(name: unknown, input: unknown): Promise<WireResult>;
}

/** Where validation failed, without the values (they may be secrets). */
function describeZodError(error: ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`)
    .join('; ');
}

export function createDispatcher(handlers: Handlers, log: Logger): Dispatcher {
  return {
    async invoke(name, input) {
      if (!isCallName(name))
        return { ok: false, error: { code: 'invalidInput', params: { detail: 'unknown call' } } };
      const parsed = calls[name].input.safeParse(input);
      if (!parsed.success) {
        return {
          ok: false,
          error: { code: 'invalidInput', params: { detail: describeZodError(parsed.error) } },
        };
      }
      try {
        const handler = handlers[name] as (input: unknown) => unknown;
        return { ok: true, value: await handler(parsed.data) };
      } catch (error) {
        if (isAppError(error)) return { ok: false, error: error.toInfo() };
        if (error instanceof ZodError) {
          return { ok: false, error: { code: 'invalidInput', params: { detail: describeZodError(error) } } };
        }
        log.error('call failed', { call: name, code: errorCode(error), where: stackOf(error) });
        return { ok: false, error: { code: 'internal', params: {} } };
      }
    },
  };
}
