import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { monitorInstalments } from '../../domain/payments/instalment-monitor';
import { logger } from '../../runtime/logger';
import { monitoredAccounts } from '../../wiring/monitored-accounts';
import { paymentHoldDeps } from '../../wiring/payments';

const deps = { ...paymentHoldDeps(), accounts: monitoredAccounts() };

/** Hourly: statement instalments tracked; instalments unpaid past their grace raise PaymentMissed. */
export const handler = middy<ScheduledEvent>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    logger.setCorrelationId(event.id);
    const report = await monitorInstalments(deps, { concurrency: 16, limit: 5_000 });
    logger.info('Instalment monitor', { ...report });
    return report;
  });
