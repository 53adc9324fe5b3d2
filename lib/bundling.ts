/**
 * How every Lambda is bundled. The CDK functions and the bundle-size benchmark both use these settings, so
 * the benchmark measures what is deployed.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { build } from 'esbuild';
import { lazyArtifactPaths } from '../models/artifacts';

export const LAMBDA_NODE_TARGET = 'node22';
/**
 * Source as UTF-8, not ASCII with escapes: the gate's Chinese patterns and texts would otherwise take six
 * bytes per character (\uXXXX) instead of three.
 */
export const LAMBDA_CHARSET = 'utf8';
/**
 * Left out of the bundle: the AWS SDK v3 because the Node.js 22 Lambda runtime ships it, and the model client
 * because it is loaded on first use only (see `afterBundlingCommands`), never during init.
 */
export const EXTERNAL_MODULES = ['@aws-sdk/*', 'openai'];

/**
 * The lazily read artefacts (`models/artifacts.ts`) are read from their reading module's directory; in a
 * bundle that is the bundle's directory, where `afterBundlingCommands` puts them.
 */
export const LAMBDA_DEFINE = { 'import.meta.dirname': '__dirname' };

/**
 * Prepended to every bundle: `require` of an AWS SDK module returns a stand-in that loads the module when one
 * of its exports is first read (a client built, a command sent, an error class compared). Loading the SDK is
 * most of a function's init (80–200 ms of DynamoDB, EventBridge, SES and SNS clients); with this and
 * `lazyClient`, init loads none of it and each invocation loads only the clients it calls. Other modules load
 * as usual.
 */
export const LAMBDA_BANNER = [
  'var require=(load=>Object.assign(id=>!id.startsWith("@aws-sdk/")?load(id):',
  'new Proxy({},{get:(_,key)=>load(id)[key],has:(_,key)=>key in load(id)}),load))(require);',
].join('');

/**
 * Cold-start budgets of a function's bundle (`index.js`, what init loads), in KB: functions that may call the
 * model carry more of the drafting and chat code (the client itself ships beside the bundle). Checked for every
 * function by test/cdk/bundling.test.ts; `npm run bench lambdaBundles` reports against them with init times.
 * The default was 250 KB until the gate learned what harsh words are aimed at (rules 2026.12.7), which took
 * the staff conversation function, the largest that does not call the model, to 253.5 KB.
 */
export const BUNDLE_BUDGET_KB = { default: 260, withModelClient: 400 } as const;

export const bundleBudgetKb = (lazy: LazyFiles): number =>
  lazy.modelClient ? BUNDLE_BUDGET_KB.withModelClient : BUNDLE_BUDGET_KB.default;

/** What ships beside a function's bundle, read only when first used. */
export interface LazyFiles {
  /** The function may call the model: it carries the `openai` client, bundled into its own file. */
  readonly modelClient: boolean;
}

/**
 * Shell commands that put the lazily loaded files beside a bundle in `outputDir`: the model artefacts and the
 * rule tables it reads, and for functions that may call the model, the `openai` client bundled into
 * `node_modules/openai` so `import('openai')` finds it on first use. CDK runs them after esbuild; the bundle
 * benchmark runs the same commands, so it measures what is deployed.
 */
export function afterBundlingCommands(inputDir: string, outputDir: string, lazy: LazyFiles): string[] {
  // Only the artefacts the bundle names (a reader passes the file name to `readArtifact`): a function that
  // never checks a message ships none of the gate's tables.
  const commands = lazyArtifactPaths().map(
    (file) =>
      `if grep -qF '"${path.basename(file)}"' "${outputDir}/index.js"; then cp "${inputDir}/${file}" "${outputDir}/"; fi`,
  );
  if (lazy.modelClient) {
    const client = `${outputDir}/node_modules/openai`;
    commands.push(
      [
        `"${inputDir}/node_modules/.bin/esbuild" "${inputDir}/node_modules/openai/index.js"`,
        `--bundle --platform=node --format=cjs --target=${LAMBDA_NODE_TARGET} --minify --charset=${LAMBDA_CHARSET}`,
        `--log-level=warning --outfile="${client}/index.js"`,
      ].join(' '),
      `echo '{"name":"openai","main":"index.js"}' > "${client}/package.json"`,
    );
  }
  return commands;
}

/**
 * Bundles one entry as CDK deploys it (the settings above, then `afterBundlingCommands` unless `lazy` is null)
 * into `outdir/index.js`: for the bundle benchmark and the tests that run bundles, outside CDK.
 */
export async function bundleAsDeployed(
  projectRoot: string,
  entry: string,
  outdir: string,
  lazy: LazyFiles | null,
): Promise<string> {
  const outfile = path.join(outdir, 'index.js');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: LAMBDA_NODE_TARGET,
    format: 'cjs',
    minify: true,
    sourcemap: true,
    external: EXTERNAL_MODULES,
    charset: LAMBDA_CHARSET,
    define: LAMBDA_DEFINE,
    banner: { js: LAMBDA_BANNER },
    logLevel: 'silent',
  });
  if (lazy) for (const command of afterBundlingCommands(projectRoot, outdir, lazy)) execSync(command);
  return outfile;
}

/**
 * Makes `root` a place to run bundles as Lambda runs them: only the AWS SDK resolves from outside a bundle's
 * own folder (the runtime provides it), so a bundle that needs anything else it does not carry fails here too.
 */
export function lambdaLikeRoot(projectRoot: string, root: string): void {
  mkdirSync(path.join(root, 'node_modules'), { recursive: true });
  symlinkSync(
    path.join(projectRoot, 'node_modules', '@aws-sdk'),
    path.join(root, 'node_modules', '@aws-sdk'),
  );
}
