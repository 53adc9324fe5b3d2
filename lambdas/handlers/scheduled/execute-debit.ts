import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import * as z from '../../../contracts/schema';
import { executeAttempt } from '../../domain/payments/execute-debit';
import { logger } from '../../runtime/logger';
import { debitExecutionDeps } from '../../wiring/payments';

const deps = debitExecutionDeps();
const attemptKey = z.object({
  accountId: z.string().check(z.minLength(1)),
  attemptId: z.string().check(z.minLength(1)),
});

/** The target of a debit's one-off schedule: runs that attempt, exactly once in effect. */
export const handler = middy<unknown>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (input) => {
    const key = attemptKey.parse(input);
    const outcome = await executeAttempt(deps, key);
    logger.info('Debit attempt', { ...key, outcome });
    return { ...key, outcome };
  });
