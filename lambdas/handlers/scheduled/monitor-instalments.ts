import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { monitorInstalments } from '../../domain/payments/instalment-monitor';
import { collectComingDue } from '../../domain/payments/payment-reactions';
import { logger } from '../../runtime/logger';
import { monitoredAccounts } from '../../wiring/monitored-accounts';
import { debitPlanningDeps } from '../../wiring/payments';

const planning = debitPlanningDeps();
const deps = {
  ...planning,
  accounts: monitoredAccounts(),
  collectComingDue: async (accountId: string) =>
    (await collectComingDue(planning, accountId)).filter((planned) => planned.outcome === 'scheduled').length,
};

/**
 * Hourly: statement instalments tracked; plan instalments coming due debited on their due date where the
 * customer chose it (notice first); instalments unpaid past their grace raise PaymentMissed.
 */
export const handler = middy<ScheduledEvent>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    logger.setCorrelationId(event.id);
    const report = await monitorInstalments(deps, { concurrency: 16, limit: 5_000 });
    logger.info('Instalment monitor', { ...report });
    return report;
  });
