import * as z from 'zod';
import { committedRiskModel } from '../../adapters/committed-risk-model';
import { documentClient } from '../../adapters/dynamodb/client';
import { DynamoPortfolioSegments } from '../../adapters/dynamodb/portfolio-segments';
import { DynamoScoringRunStore } from '../../adapters/dynamodb/scoring-run-store';
import { EventBridgePublisher, eventBridgeClient } from '../../adapters/eventbridge/event-publisher';
import { systemClock } from '../../adapters/system-clock';
import { scoreSegment } from '../../domain/scoring/segment-worker';
import { segmentRequest } from '../../domain/scoring/start-run';
import { TREATMENT_POLICY } from '../../domain/treatment/treatment-policy';
import { eventHandler } from '../../events/event-handler';
import { loadConfig, tableNames } from '../../runtime/config';
import { logger } from '../../runtime/logger';

const config = loadConfig({
  ...tableNames('accounts', 'scoringRuns'),
  EVENT_BUS_NAME: z.string().min(1),
  SCORING_PAGE_SIZE: z.coerce.number().int().min(1).max(1000),
});
const db = documentClient();
const portfolio = new DynamoPortfolioSegments(db, config.ACCOUNTS_TABLE);
const runs = new DynamoScoringRunStore(db, config.SCORING_RUNS_TABLE);
const events = new EventBridgePublisher(eventBridgeClient(), config.EVENT_BUS_NAME);

/** Stop this early before the function's timeout and hand the rest to a continuation. */
const YIELD_BEFORE_TIMEOUT_MS = 60_000;
/** A worker that stops checkpointing for this long is presumed dead; its segment can be taken over. */
const LEASE_MS = 120_000;

export const handler = eventHandler(['ScoringSegmentRequested'], async (event, context) => {
  const request = event.detail;
  logger.appendKeys({ runId: request.runId, segment: request.segment });
  const outcome = await scoreSegment(
    {
      portfolio,
      runs,
      events,
      clock: systemClock,
      model: committedRiskModel,
      policy: TREATMENT_POLICY,
      // Lambda keeps the request id across retries of one asynchronous event: a retry may resume at once.
      workerId: context.awsRequestId,
      pageSize: config.SCORING_PAGE_SIZE,
      leaseMs: LEASE_MS,
      shouldYield: () => context.getRemainingTimeInMillis() < YIELD_BEFORE_TIMEOUT_MS,
      onFlagged: (accountId, error) =>
        logger.warn('Account could not be scored', { accountId, error: String(error) }),
    },
    request,
  );
  if (outcome === 'yielded') await events.publish([segmentRequest(request)]);
  logger.info('Segment finished', { outcome });
  return { outcome };
});
