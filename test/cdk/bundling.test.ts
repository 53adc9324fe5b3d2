import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../catalog/functions';
import { LAZY_ARTIFACTS } from '../../models/artifacts';
import { synthStage } from './support';

describe('Lambda bundling (esbuild, as deployed)', () => {
  it('bundles every function into a minified index.js with its source map', () => {
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
    for (const fn of functions) {
      const assetHash = String(fn.Properties.Code.S3Key).replace(/\.zip$/, '');
      const assetDir = path.join(assembly.directory, `asset.${assetHash}`);
      const bundle = statSync(path.join(assetDir, 'index.js'));
      expect(bundle.size).toBeGreaterThan(1_000);
      expect(statSync(path.join(assetDir, 'index.js.map')).size).toBeGreaterThan(0);
      // What loads on first use ships beside the bundle (test/cdk/lazy-loading.test.ts runs it).
      for (const artefact of Object.keys(LAZY_ARTIFACTS))
        expect(existsSync(path.join(assetDir, artefact))).toBe(true);
      const modelClient = existsSync(path.join(assetDir, 'node_modules/openai/index.js'));
      expect(modelClient).toBe(modelClientFunctions.has(String(fn.Properties.FunctionName)));
    }
    // One esbuild run per function (now about twenty): slow on a loaded CI machine, never stuck.
  }, 240_000);
});
