import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import * as z from 'zod';
import { committedRiskModel } from '../../adapters/committed-risk-model';
import { documentClient } from '../../adapters/dynamodb/client';
import { DynamoScoringRunStore } from '../../adapters/dynamodb/scoring-run-store';
import { EventBridgePublisher, eventBridgeClient } from '../../adapters/eventbridge/event-publisher';
import { systemClock } from '../../adapters/system-clock';
import { notFound } from '../../domain/errors';
import { startScoringRun } from '../../domain/scoring/start-run';
import { TREATMENT_POLICY } from '../../domain/treatment/treatment-policy';
import { loadConfig, tableNames } from '../../shared/config';
import { httpHandler } from '../../shared/http';

const config = loadConfig({
  ...tableNames('scoringRuns'),
  EVENT_BUS_NAME: z.string().min(1),
  SCORING_SEGMENTS: z.coerce.number().int().min(1).max(1000),
});
const runs = new DynamoScoringRunStore(documentClient(), config.SCORING_RUNS_TABLE);
const events = new EventBridgePublisher(eventBridgeClient(), config.EVENT_BUS_NAME);

const start = httpHandler(
  { body: z.object({ segments: z.number().int().min(1).max(1000).optional() }).strict() },
  async ({ body }) => {
    const run = await startScoringRun(
      { runs, events, clock: systemClock, model: committedRiskModel, policy: TREATMENT_POLICY },
      { runId: randomUUID(), trigger: 'manual', segments: body.segments ?? config.SCORING_SEGMENTS },
    );
    return { statusCode: 202, body: run };
  },
);

const progress = httpHandler({ path: z.object({ runId: z.string().min(1).max(100) }) }, async ({ path }) => {
  const found = await runs.get(path.runId);
  if (!found) throw notFound('RUN_NOT_FOUND', `No scoring run ${path.runId}.`);
  return { body: found };
});

/** One function, two routes: starting a run and following it. */
export const handler = (event: APIGatewayProxyEventV2, context: Context) =>
  event.routeKey === 'POST /scoring-runs' ? start(event, context) : progress(event, context);
