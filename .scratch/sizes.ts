import { build } from 'esbuild';
import { EXTERNAL_MODULES, LAMBDA_NODE_TARGET } from '../lib/bundling';
import { FUNCTIONS } from '../lib/catalog/functions';
for (const fn of FUNCTIONS) {
  const r = await build({ entryPoints: [fn.entry], bundle: true, platform: 'node', target: LAMBDA_NODE_TARGET, format: 'cjs', minify: true, external: EXTERNAL_MODULES, write: false, logLevel: 'silent' });
  console.log(fn.id.padEnd(28), (r.outputFiles[0]!.contents.length / 1024).toFixed(1));
}
