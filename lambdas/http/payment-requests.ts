/** Request schemas the payment routes share: amounts are positive whole minor units, never fractions. */
import * as z from '../../contracts/schema';

export const instalmentPath = z.object({
  instalmentId: z
    .string()
    .check(z.regex(/^(statement|plan)-[0-9-]{6,40}$/, 'must be an instalment id like statement-2026-11-05')),
});

export const amountBody = z.strictObject({
  amountMinor: z.number().check(z.int(), z.positive(), z.lte(Number.MAX_SAFE_INTEGER)),
});

/** The customer's mandate choices, as the terms query carries them (query values are strings). */
export const mandateChoices = z.strictObject({
  debtorAccount: z.string().check(z.minLength(1), z.maxLength(64)),
  routingNumber: z.optional(z.string().check(z.minLength(1), z.maxLength(20))),
  maxAmountMinor: z.pipe(
    z.string().check(z.regex(/^[1-9][0-9]{0,15}$/, 'must be a positive whole number of minor units')),
    z.transform(Number),
  ),
  partialAllowed: z.pipe(
    z.enum(['true', 'false']),
    z.transform((value) => value === 'true'),
  ),
  collectOnDueDate: z.optional(
    z.pipe(
      z.enum(['true', 'false']),
      z.transform((value) => value === 'true'),
    ),
  ),
});
