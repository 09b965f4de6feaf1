// Whole numbers typed into settings fields, checked against the schema's own
// limits, so the message names the numbers the schema enforces.
import type { ZodNumber } from 'zod';

/** A type, not an interface: i18next takes it as interpolation values. */
export type Limits = { min: number; max: number };

export function limitsOf(schema: ZodNumber): Limits {
  return { min: schema.minValue ?? 0, max: schema.maxValue ?? Number.MAX_SAFE_INTEGER };
}

/** The number typed, or undefined when it is no whole number within the schema's limits. */
export function wholeNumber(text: string, schema: ZodNumber): number | undefined {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return undefined;
  const parsed = schema.safeParse(Number(trimmed));
  return parsed.success ? parsed.data : undefined;
}
