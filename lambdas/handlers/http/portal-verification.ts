import { randomBytes, randomInt } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import * as z from '../../../contracts/schema';
import { authSettingsFromEnvironment } from '../../auth/auth-settings';
import { OutboxCodeSender } from '../../domain/auth/code-delivery';
import { confirmCode, requestCode, type VerificationDeps } from '../../domain/auth/identity-verification';
import { OutboxSecurityNotifier } from '../../domain/auth/security-notice';
import { accountIdPath } from '../../http/account-path';
import { byRoute, httpHandler } from '../../http/http-handler';
import { sourceOf } from '../../http/request-source';
import { logger } from '../../runtime/logger';
import { clock } from '../../wiring/clock';
import { accountRepository, contactStore } from '../../wiring/dynamo';
import { eventPublisher } from '../../wiring/events';
import { outreachSenders } from '../../wiring/messaging';
import { attemptThrottle, verificationStore } from '../../wiring/verification';

const accounts = accountRepository();
const outbox = contactStore();
const events = eventPublisher();
const auth = authSettingsFromEnvironment();
const verification = async (): Promise<VerificationDeps> => ({
  accounts,
  verifications: verificationStore(),
  codes: new OutboxCodeSender({ accounts, outbox, senders: outreachSenders(), clock: clock() }),
  throttle: attemptThrottle(),
  notices: new OutboxSecurityNotifier({
    accounts,
    outbox,
    events,
    report: (error) => logger.error('Security notice not queued', error as Error),
  }),
  clock: clock(),
  newCode: () => String(randomInt(0, 1_000_000)).padStart(6, '0'),
  newVerificationId: () => randomBytes(16).toString('base64url'),
  signingKey: await auth.signingKey(),
});

/**
 * A backing-off account answers every request alike, and no sooner than this: whether a code was sent (the
 * slow path) cannot be read from how long the answer took.
 */
const UNIFORM_ANSWER_MS = 800;

const accountId = accountIdPath.shape.accountId;

const start = httpHandler(
  { route: 'POST /portal/verification', body: z.strictObject({ accountId, dateOfBirth: z.iso.date() }) },
  async ({ body, event }) => {
    const started = Date.now();
    const answer = await requestCode(await verification(), { ...body, source: sourceOf(event) });
    if (answer.delivery === 'if_details_match') await sleep(started + UNIFORM_ANSWER_MS - Date.now());
    return { statusCode: 202, body: answer };
  },
);

const confirm = httpHandler(
  {
    route: 'POST /portal/verification/confirm',
    body: z.strictObject({
      accountId,
      verificationId: z
        .string()
        .check(z.regex(/^[A-Za-z0-9_-]{16,64}$/, 'must be the id the code request returned')),
      code: z.string().check(z.regex(/^\d{6}$/, 'must be the 6-digit code')),
    }),
  },
  async ({ body, event }) => ({
    body: await confirmCode(await verification(), { ...body, source: sourceOf(event) }),
  }),
);

/** One function, two routes: ask for a code, then trade it for a session. */
export const handler = byRoute({
  'POST /portal/verification': start,
  'POST /portal/verification/confirm': confirm,
});
