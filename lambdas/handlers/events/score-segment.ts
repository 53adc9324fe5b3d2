import * as z from '../../../contracts/schema';
import { scoreSegment } from '../../domain/scoring/segment-worker';
import { segmentRequest } from '../../domain/scoring/start-run';
import { eventHandler } from '../../events/event-handler';
import { loadConfig } from '../../runtime/config';
import { logger } from '../../runtime/logger';
import { clock } from '../../wiring/clock';
import { portfolioSegments, scoringRunStore } from '../../wiring/dynamo';
import { eventPublisher } from '../../wiring/events';
import { businessMetrics } from '../../wiring/metrics';
import { scoringPolicy } from '../../wiring/scoring';

const config = loadConfig({ SCORING_PAGE_SIZE: z.coerce.number().check(z.int(), z.gte(1), z.lte(1000)) });
const portfolio = portfolioSegments();
const runs = scoringRunStore();
const events = eventPublisher();

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
      clock: clock(),
      ...scoringPolicy,
      metrics: businessMetrics(),
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
