import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { startScoringRun } from '../../domain/scoring/start-run';
import { logger } from '../../runtime/logger';
import { scoringRunStarter } from '../../wiring/scoring';

const { deps, segments } = scoringRunStarter();

export const handler = middy<ScheduledEvent>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    // The schedule's event id names the run: a redelivered trigger resumes the same run instead of starting another.
    const run = await startScoringRun(deps, { runId: event.id, trigger: 'schedule', segments });
    logger.info('Scoring run started', { runId: run.runId, segments: run.totalSegments });
    return run;
  });
