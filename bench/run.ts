/** `npm run bench`: every benchmark section, printed as figures and ratios against baselines measured in the same run. */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Each section's module is loaded only when it runs: the code of one section (the assistant's, the scorer's)
// would otherwise sit in the heap and the regexp caches while another is measured.
const sections: Record<string, () => Promise<unknown>> = {
  lambdaBundles: async () => (await import('./lambda-bundles')).benchLambdaBundles(projectRoot),
  scoring: async () => (await import('./scoring')).benchScoring(),
  chat: async () => (await import('./chat')).benchChat(),
  classify: async () => (await import('./classify')).benchClassify(projectRoot),
  drafting: async () => (await import('./drafting')).benchDrafting(),
  debits: async () => (await import('./debits')).benchDebits(),
  gate: async () => (await import('./gate')).benchGate(projectRoot),
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
