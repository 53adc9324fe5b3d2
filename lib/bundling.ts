/**
 * How every Lambda is bundled. The CDK functions and the bundle-size benchmark both use these settings, so
 * the benchmark measures what is deployed.
 */
import { LAZY_MODEL_ARTIFACTS } from '../models/artifacts';

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
 * `models/artifacts.ts` reads the large model artefacts from its own directory; in a bundle that is the
 * bundle's directory, where `afterBundlingCommands` puts them.
 */
export const LAMBDA_DEFINE = { 'import.meta.dirname': '__dirname' };

/** What ships beside a function's bundle, read only when first used. */
export interface LazyFiles {
  /** The function may call the model: it carries the `openai` client, bundled into its own file. */
  readonly modelClient: boolean;
}

/**
 * Shell commands that put the lazily loaded files beside a bundle in `outputDir`: the large model artefacts,
 * and for functions that may call the model, the `openai` client bundled into `node_modules/openai` so
 * `import('openai')` finds it on first use. CDK runs them after esbuild; the bundle benchmark runs the same
 * commands, so it measures what is deployed.
 */
export function afterBundlingCommands(inputDir: string, outputDir: string, lazy: LazyFiles): string[] {
  const artefacts = LAZY_MODEL_ARTIFACTS.map((name) => `"${inputDir}/models/${name}"`).join(' ');
  const commands = [`cp ${artefacts} "${outputDir}/"`];
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
