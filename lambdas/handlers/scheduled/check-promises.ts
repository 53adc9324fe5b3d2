import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { checkPromises } from '../../domain/decisions/promise-check';
import { logger } from '../../runtime/logger';
import { accountScans } from '../../wiring/account-scans';
import { clock } from '../../wiring/clock';
import { eventPublisher } from '../../wiring/events';

const deps = { accounts: accountScans(), events: eventPublisher(), clock: clock() };

/** Daily: promises whose date passed with the arrears unpaid raise PromiseBroken (applying the decision escalates them). */
export const handler = middy<ScheduledEvent>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    logger.setCorrelationId(event.id);
    const report = await checkPromises(deps);
    logger.info('Promise check', { ...report, brokenAccountIds: report.brokenAccountIds.slice(0, 50) });
    return { checked: report.checked, broken: report.broken, kept: report.kept, notYetDue: report.notYetDue };
  });
