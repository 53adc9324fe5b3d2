import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../catalog/functions';
import { bundleBudgetKb } from '../../lib/bundling';
import { LAZY_ARTIFACTS } from '../../models/artifacts';
import { synthStage } from './support';

describe('Lambda bundling (esbuild, as deployed)', () => {
  it('bundles every function into a minified index.js within its size budget, the artefacts it reads beside it', () => {
    const { assembly, stack } = synthStage('dev', { bundle: true });
    const template = assembly.getStackByName(stack.stackName).template as {
      Resources: Record<
        string,
        { Type: string; Properties: { FunctionName?: string; Code: { S3Key: string } } }
      >;
    };
    const functions = Object.values(template.Resources).filter(
      (r) =>
        r.Type === 'AWS::Lambda::Function' &&
        String(r.Properties.FunctionName ?? '').startsWith('collections-dev-'),
    );
    expect(functions).toHaveLength(FUNCTIONS.length);
    const modelClientFunctions = new Set(
      FUNCTIONS.filter((fn) => fn.readsLlmApiKey).map((fn) => `collections-dev-${fn.id}`),
    );
    const overBudget: string[] = [];
    const missing: string[] = [];
    for (const fn of functions) {
      const name = String(fn.Properties.FunctionName);
      const assetHash = String(fn.Properties.Code.S3Key).replace(/\.zip$/, '');
      const assetDir = path.join(assembly.directory, `asset.${assetHash}`);
      const bundle = statSync(path.join(assetDir, 'index.js'));
      expect(bundle.size).toBeGreaterThan(1_000);
      expect(statSync(path.join(assetDir, 'index.js.map')).size).toBeGreaterThan(0);
      const modelClient = existsSync(path.join(assetDir, 'node_modules/openai/index.js'));
      expect(modelClient).toBe(modelClientFunctions.has(name));
      // Cold start (issue #14): what init loads stays within the function's budget.
      const sizeKb = bundle.size / 1024;
      const budgetKb = bundleBudgetKb({ modelClient });
      if (sizeKb > budgetKb) overBudget.push(`${name}: ${sizeKb.toFixed(1)} KB > ${budgetKb} KB`);
      // Every artefact the bundle reads on first use ships beside it (test/cdk/lazy-loading.test.ts reads them).
      const read = new Set(
        [...readFileSync(path.join(assetDir, 'index.js'), 'utf8').matchAll(/["'`]([\w.-]+\.json)["'`]/g)].map(
          (match) => match[1]!,
        ),
      );
      for (const artefact of read) {
        if (!(artefact in LAZY_ARTIFACTS) || !existsSync(path.join(assetDir, artefact)))
          missing.push(`${name}: ${artefact}`);
      }
    }
    expect(overBudget).toEqual([]);
    expect(missing).toEqual([]);
    // One esbuild run per function (now about twenty): slow on a loaded CI machine, never stuck.
  }, 240_000);
});
