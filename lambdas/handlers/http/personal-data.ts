import { randomUUID } from 'node:crypto';
import * as z from 'zod';
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
      reason: z.string().trim().min(5, 'say why you need to see it').max(200),
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
    query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
  },
  async ({ query }) => ({
    body: { reveals: (await audit.forReview(REVEAL_REVIEW, query.limit)).map(revealRecordOf) },
  }),
);

export const handler = byRoute({
  'POST /accounts/{accountId}/personal-data/reveal': reveal,
  'GET /personal-data-reveals': review,
});
