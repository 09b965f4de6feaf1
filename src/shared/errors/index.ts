// Errors cross the main/renderer boundary as data: a code and parameters.
// The renderer translates them (i18next, keys `errors.<code>`); main never
// sends prose. Each capability lists its codes in a file of its own.
import { z } from 'zod';
import { coreErrorCodes } from './core';
import { keyErrorCodes } from './keys';
import { agentErrorCodes } from './agent';
import { sshErrorCodes } from './ssh';

export const errorCodes = [
  ...coreErrorCodes,
  ...keyErrorCodes,
  ...agentErrorCodes,
  ...sshErrorCodes,
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const errorParamsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
export type ErrorParams = z.infer<typeof errorParamsSchema>;

export const errorInfoSchema = z.object({
  code: z.enum(errorCodes),
  params: errorParamsSchema,
});
export type ErrorInfo = z.infer<typeof errorInfoSchema>;
