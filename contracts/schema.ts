/**
 * The schema library every contract, request, config and model-output schema is written with: zod's
 * tree-shakable build `zod/mini` (`z.optional(x)`, `x.check(z.minLength(1))`), so a Lambda bundle carries only
 * the schema kinds and checks it uses; classic zod's chainable methods put all of it (about 90 KB) in every
 * function (cold start, issue #14). Messages are English, as classic zod gives them: they reach API clients,
 * logs and the model's repair prompt. Import `z` from here (the linter refuses `zod` elsewhere in Lambda code).
 */

import { en } from 'zod/locales';
import { config } from 'zod/mini';

config(en());

export * from 'zod/mini';
