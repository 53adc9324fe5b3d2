import { randomUUID } from 'node:crypto';
import * as z from '../../../contracts/schema';
import { notFound } from '../../domain/errors';
import { startScoringRun } from '../../domain/scoring/start-run';
import { byRoute, httpHandler } from '../../http/http-handler';
import { scoringRunStarter } from '../../wiring/scoring';

const { deps, segments } = scoringRunStarter();

const start = httpHandler(
  {
    route: 'POST /scoring-runs',
    body: z.strictObject({ segments: z.optional(z.number().check(z.int(), z.gte(1), z.lte(1000))) }),
  },
  async ({ body }) => {
    const run = await startScoringRun(deps, {
      runId: randomUUID(),
      trigger: 'manual',
      segments: body.segments ?? segments,
    });
    return { statusCode: 202, body: run };
  },
);

const progress = httpHandler(
  {
    route: 'GET /scoring-runs/{runId}',
    path: z.object({ runId: z.string().check(z.minLength(1), z.maxLength(100)) }),
  },
  async ({ path }) => {
    const found = await deps.runs.get(path.runId);
    if (!found) throw notFound('RUN_NOT_FOUND', `No scoring run ${path.runId}.`);
    return { body: found };
  },
);

/** One function, two routes: starting a run and following it. */
export const handler = byRoute({ 'POST /scoring-runs': start, 'GET /scoring-runs/{runId}': progress });
