import * as z from 'zod';

/** Path parameters of the account routes. */
export const accountIdPath = z.object({
  accountId: z.string().regex(/^[A-Z0-9-]{4,40}$/, 'must be an account reference like ACC-000123'),
});
