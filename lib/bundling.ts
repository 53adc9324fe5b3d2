/**
 * How every Lambda is bundled. The CDK functions and the bundle-size benchmark both use these settings, so
 * the benchmark measures what is deployed.
 */
export const LAMBDA_NODE_TARGET = 'node22';
/**
 * Source as UTF-8, not ASCII with escapes: the gate's Chinese patterns and texts would otherwise take six
 * bytes per character (\uXXXX) instead of three.
 */
export const LAMBDA_CHARSET = 'utf8';
/** The Node.js 22 Lambda runtime ships AWS SDK v3; bundling it again would only add weight. */
export const EXTERNAL_MODULES = ['@aws-sdk/*'];
