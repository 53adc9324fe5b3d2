import { statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../catalog/functions';
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
    for (const fn of functions) {
      const assetHash = String(fn.Properties.Code.S3Key).replace(/\.zip$/, '');
      const assetDir = path.join(assembly.directory, `asset.${assetHash}`);
      const bundle = statSync(path.join(assetDir, 'index.js'));
      expect(bundle.size).toBeGreaterThan(1_000);
      expect(statSync(path.join(assetDir, 'index.js.map')).size).toBeGreaterThan(0);
    }
    // One esbuild run per function (now about twenty): slow on a loaded CI machine, never stuck.
  }, 240_000);
});
