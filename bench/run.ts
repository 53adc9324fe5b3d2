/** `npm run bench`: every benchmark section, printed as figures and ratios against baselines measured in the same run. */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchChat } from './chat';
import { benchClassify } from './classify';
import { benchDebits } from './debits';
import { benchDrafting } from './drafting';
import { benchGate } from './gate';
import { benchLambdaBundles } from './lambda-bundles';
import { benchScoring } from './scoring';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const sections: Record<string, () => Promise<unknown>> = {
  lambdaBundles: () => benchLambdaBundles(projectRoot),
  scoring: () => benchScoring(),
  chat: () => benchChat(),
  classify: async () => benchClassify(projectRoot),
  drafting: () => benchDrafting(),
  debits: () => benchDebits(),
  gate: () => benchGate(projectRoot),
};

const only = process.argv.slice(2);
const results: Record<string, unknown> = {};
for (const [name, run] of Object.entries(sections)) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n## ${name}`);
  const result = await run();
  results[name] = result;
  const rows = (result as { functions?: unknown[] }).functions;
  if (rows) console.table(rows);
  console.log(JSON.stringify(result, null, 2));
}
mkdirSync(path.join(projectRoot, '.bench'), { recursive: true });
writeFileSync(path.join(projectRoot, '.bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
