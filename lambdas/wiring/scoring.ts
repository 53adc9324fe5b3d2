import * as z from '../../contracts/schema';
import { committedRiskModel } from '../adapters/committed-risk-model';
import { TREATMENT_POLICY } from '../domain/treatment/treatment-policy';
import { loadConfig } from '../runtime/config';
import { clock } from './clock';
import { scoringRunStore } from './dynamo';
import { eventPublisher } from './events';
import { once } from './once';

/** The committed risk model and the treatment policy: what every scoring function scores and tiers with. */
export const scoringPolicy = { model: committedRiskModel, policy: TREATMENT_POLICY } as const;

/** What the functions that start scoring runs share: the default segment count and the run's collaborators. */
export const scoringRunStarter = /* @__PURE__ */ once(() => ({
  segments: loadConfig({ SCORING_SEGMENTS: z.coerce.number().check(z.int(), z.gte(1), z.lte(1000)) })
    .SCORING_SEGMENTS,
  deps: {
    runs: scoringRunStore(),
    events: eventPublisher(),
    clock: clock(),
    ...scoringPolicy,
  },
}));
