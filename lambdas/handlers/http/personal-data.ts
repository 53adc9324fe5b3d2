import { randomUUID } from 'node:crypto';
import * as z from '../../../contracts/schema';
import {
  REVEAL_REVIEW,
  REVEALABLE_FIELDS,
  revealPersonalData,
  revealRecordOf,
} from '../../domain/accounts/personal-data';
import { accountIdPath } from '../../http/account-path';
import { byRoute, httpHandler } from '../../http/http-handler';
import { clock } from '../../wiring/clock';
import { accountRepository, auditLog } from '../../wiring/dynamo';

const audit = auditLog();
const deps = { accounts: accountRepository(), audit, clock: clock(), newId: randomUUID };

/** POST /accounts/{accountId}/personal-data/reveal: one field in full, for a stated reason, audited first. */
const reveal = httpHandler(
  {
    route: 'POST /accounts/{accountId}/personal-data/reveal',
    path: accountIdPath,
    body: z.strictObject({
      field: z.enum(REVEALABLE_FIELDS),
      reason: z.string().check(z.trim(), z.minLength(5, 'say why you need to see it'), z.maxLength(200)),
    }),
  },
  async ({ path, body, principal }) => ({
    body: await revealPersonalData(deps, {
      accountId: path.accountId,
      field: body.field,
      reason: body.reason,
      staffId: principal!.sub,
      role: principal!.role === 'supervisor' ? 'supervisor' : 'agent',
    }),
  }),
);

/** GET /personal-data-reveals?limit=: the newest reveals across accounts, for supervisors to review. */
const review = httpHandler(
  {
    route: 'GET /personal-data-reveals',
    query: z.object({ limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(500)), 100) }),
  },
  async ({ query }) => ({
    body: { reveals: (await audit.forReview(REVEAL_REVIEW, query.limit)).map(revealRecordOf) },
  }),
);

export const handler = byRoute({
  'POST /accounts/{accountId}/personal-data/reveal': reveal,
  'GET /personal-data-reveals': review,
});
