import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import * as z from 'zod';
import { committedRiskModel } from '../../adapters/committed-risk-model';
import { documentClient } from '../../adapters/dynamodb/client';
import { DynamoScoringRunStore } from '../../adapters/dynamodb/scoring-run-store';
import { EventBridgePublisher, eventBridgeClient } from '../../adapters/eventbridge/event-publisher';
import { systemClock } from '../../adapters/system-clock';
import { startScoringRun } from '../../domain/scoring/start-run';
import { TREATMENT_POLICY } from '../../domain/treatment/treatment-policy';
import { loadConfig, tableNames } from '../../shared/config';
import { logger } from '../../shared/logger';

const config = loadConfig({
  ...tableNames('scoringRuns'),
  EVENT_BUS_NAME: z.string().min(1),
  SCORING_SEGMENTS: z.coerce.number().int().min(1).max(1000),
});
const deps = {
  runs: new DynamoScoringRunStore(documentClient(), config.SCORING_RUNS_TABLE),
  events: new EventBridgePublisher(eventBridgeClient(), config.EVENT_BUS_NAME),
  clock: systemClock,
  model: committedRiskModel,
  policy: TREATMENT_POLICY,
};

export const handler = middy<ScheduledEvent>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    // The schedule's event id names the run: a redelivered trigger resumes the same run instead of starting another.
    const run = await startScoringRun(deps, {
      runId: event.id,
      trigger: 'schedule',
      segments: config.SCORING_SEGMENTS,
    });
    logger.info('Scoring run started', { runId: run.runId, segments: run.totalSegments });
    return run;
  });
