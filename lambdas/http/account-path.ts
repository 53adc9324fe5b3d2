import * as z from '../../contracts/schema';

/** Path parameters of the account routes. */
export const accountIdPath = z.object({
  accountId: z.string().check(z.regex(/^[A-Z0-9-]{4,40}$/, 'must be an account reference like ACC-000123')),
});
