import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import * as z from 'zod';
import { DynamoAccountScans } from '../../adapters/dynamodb/account-scans';
import { documentClient } from '../../adapters/dynamodb/client';
import { EventBridgePublisher, eventBridgeClient } from '../../adapters/eventbridge/event-publisher';
import { systemClock } from '../../adapters/system-clock';
import { checkPromises } from '../../domain/servicing/promise-check';
import { loadConfig, tableNames } from '../../runtime/config';
import { logger } from '../../runtime/logger';

const config = loadConfig({ ...tableNames('accounts'), EVENT_BUS_NAME: z.string().min(1) });
const deps = {
  accounts: new DynamoAccountScans(documentClient(), config.ACCOUNTS_TABLE),
  events: new EventBridgePublisher(eventBridgeClient(), config.EVENT_BUS_NAME),
  clock: systemClock,
};

/** Daily: promises whose date passed with the arrears unpaid raise PromiseBroken (servicing escalates them). */
export const handler = middy<ScheduledEvent>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    logger.setCorrelationId(event.id);
    const report = await checkPromises(deps);
    logger.info('Promise check', { ...report, brokenAccountIds: report.brokenAccountIds.slice(0, 50) });
    return { checked: report.checked, broken: report.broken, kept: report.kept, notYetDue: report.notYetDue };
  });
