import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { notFound } from '../../domain/errors';
import { startScoringRun } from '../../domain/scoring/start-run';
import { byRoute, httpHandler } from '../../http/http-handler';
import { scoringRunStarter } from '../../wiring/scoring';

const { deps, segments } = scoringRunStarter();

const start = httpHandler(
  {
    route: 'POST /scoring-runs',
    body: z.object({ segments: z.number().int().min(1).max(1000).optional() }).strict(),
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
  { route: 'GET /scoring-runs/{runId}', path: z.object({ runId: z.string().min(1).max(100) }) },
  async ({ path }) => {
    const found = await deps.runs.get(path.runId);
    if (!found) throw notFound('RUN_NOT_FOUND', `No scoring run ${path.runId}.`);
    return { body: found };
  },
);

/** One function, two routes: starting a run and following it. */
export const handler = byRoute({ 'POST /scoring-runs': start, 'GET /scoring-runs/{runId}': progress });
