/** Identity verification's stores: codes sent and the per-caller throttle, in the verifications table. */
import { documentClient } from '../adapters/dynamodb/client';
import { DynamoAttemptThrottle, DynamoVerificationStore } from '../adapters/dynamodb/verification-store';
import { SOURCE_FAILURES_PER_WINDOW, SOURCE_WINDOW_SECONDS } from '../domain/auth/identity-verification';
import { tableName } from '../runtime/config';
import { once } from './once';

export const verificationStore = /* @__PURE__ */ once(
  () => new DynamoVerificationStore(documentClient(), tableName('verifications')),
);
export const attemptThrottle = /* @__PURE__ */ once(
  () =>
    new DynamoAttemptThrottle(documentClient(), tableName('verifications'), {
      attempts: SOURCE_FAILURES_PER_WINDOW,
      windowSeconds: SOURCE_WINDOW_SECONDS,
    }),
);
