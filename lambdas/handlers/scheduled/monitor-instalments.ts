import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { documentClient } from '../../adapters/dynamodb/client';
import { DynamoMonitoredAccounts } from '../../adapters/dynamodb/monitored-accounts';
import { monitorInstalments } from '../../domain/payments/instalment-monitor';
import { loadConfig, tableNames } from '../../runtime/config';
import { logger } from '../../runtime/logger';
import { paymentHoldDeps } from '../../wiring/payments';

const config = loadConfig(tableNames('accounts'));
const deps = {
  ...paymentHoldDeps(),
  accounts: new DynamoMonitoredAccounts(documentClient(), config.ACCOUNTS_TABLE),
};

/** Hourly: statement instalments tracked; instalments unpaid past their grace raise PaymentMissed. */
export const handler = middy<ScheduledEvent>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    logger.setCorrelationId(event.id);
    const report = await monitorInstalments(deps, { concurrency: 16, limit: 5_000 });
    logger.info('Instalment monitor', { ...report });
    return report;
  });
