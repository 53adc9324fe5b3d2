import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import * as z from 'zod';
import { DynamoAccountRepository } from '../../adapters/dynamodb/account-repository';
import { documentClient } from '../../adapters/dynamodb/client';
import { EventBridgePublisher, eventBridgeClient } from '../../adapters/eventbridge/event-publisher';
import { systemClock } from '../../adapters/system-clock';
import { runTreatmentAssessment } from '../../domain/treatment/assessment-run';
import { loadConfig, tableNames } from '../../shared/config';
import { logger } from '../../shared/logger';

const config = loadConfig({ ...tableNames('accounts'), EVENT_BUS_NAME: z.string().min(1) });
const accounts = new DynamoAccountRepository(documentClient(), config.ACCOUNTS_TABLE);
const events = new EventBridgePublisher(eventBridgeClient(), config.EVENT_BUS_NAME);

export const handler = middy<ScheduledEvent>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    // The schedule's event id names the run, so a redelivered trigger is recognisable in the logs and events.
    const summary = await runTreatmentAssessment({ accounts, events, clock: systemClock, runId: event.id });
    logger.info('Treatment assessment finished', { ...summary });
    return summary;
  });
