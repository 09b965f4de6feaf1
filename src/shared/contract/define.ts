// Building blocks of the contract: a call has an input and an output schema,
// an event has a payload schema. Everything else (main's dispatcher, the
// preload, the WebSocket bridge, the in-process test client) is derived from
// the tables built with these, so a call cannot exist in one and not another.
import { z } from 'zod';

export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

export const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): CallSpec<I, O> => ({
  input,
  output,
});

/** Input of calls that take nothing. */
export const noInput = z.object({}).strict();
export const ok = z.object({ ok: z.literal(true) });
export const OK = { ok: true } as const;

/** Binary chunks: Uint8Array in every transport (base64 on the WebSocket). */
export const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, { message: 'bytes' });
