/** Request schemas the payment routes share: amounts are positive whole minor units, never fractions. */
import * as z from 'zod';

export const instalmentPath = z.object({
  instalmentId: z
    .string()
    .regex(/^(statement|plan)-[0-9-]{6,40}$/, 'must be an instalment id like statement-2026-11-05'),
});

export const amountBody = z.strictObject({
  amountMinor: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});

/** The customer's mandate choices, as the terms query carries them (query values are strings). */
export const mandateChoices = z.strictObject({
  debtorAccount: z.string().min(1).max(64),
  routingNumber: z.string().min(1).max(20).optional(),
  maxAmountMinor: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, 'must be a positive whole number of minor units')
    .transform(Number),
  partialAllowed: z.enum(['true', 'false']).transform((value) => value === 'true'),
  collectOnDueDate: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});
