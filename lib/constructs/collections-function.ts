import * as path from 'node:path';
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { FunctionDeclaration } from '../../catalog/functions';
import {
  afterBundlingCommands,
  EXTERNAL_MODULES,
  LAMBDA_BANNER,
  LAMBDA_CHARSET,
  LAMBDA_DEFINE,
  LAMBDA_NODE_TARGET,
} from '../bundling';
import { acknowledgeFinding } from '../nag';

export interface CollectionsFunctionProps {
  readonly declaration: FunctionDeclaration;
  readonly projectRoot: string;
  readonly functionName: string;
  readonly environment: Record<string, string>;
  readonly logRetention: RetentionDays;
  readonly logRemovalPolicy: RemovalPolicy;
}

/** The project's Lambda defaults in one place: Node.js 22 on ARM64, minified CommonJS bundle with source maps, own log group. */
export class CollectionsFunction extends Construct {
  readonly fn: NodejsFunction;

  constructor(scope: Construct, id: string, props: CollectionsFunctionProps) {
    super(scope, id);
    const { declaration } = props;
    const logGroup = new LogGroup(this, 'Logs', {
      logGroupName: `/aws/lambda/${props.functionName}`,
      retention: props.logRetention,
      removalPolicy: props.logRemovalPolicy,
    });
    // Own role with logging scoped to this function's log group, instead of the broad AWS managed policy.
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${declaration.id}`,
    });
    role.addToPolicy(
      new PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    );
    this.fn = new NodejsFunction(this, 'Function', {
      role,
      functionName: props.functionName,
      description: declaration.description,
      entry: path.join(props.projectRoot, declaration.entry),
      handler: 'handler',
      projectRoot: props.projectRoot,
      depsLockFilePath: path.join(props.projectRoot, 'package-lock.json'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: declaration.memoryMb ?? 512,
      timeout: Duration.seconds(declaration.timeoutSeconds ?? 10),
      tracing: Tracing.ACTIVE,
      logGroup,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: declaration.id,
        ...props.environment,
      },
      bundling: {
        minify: true,
        sourceMap: true,
        target: LAMBDA_NODE_TARGET,
        format: OutputFormat.CJS,
        externalModules: EXTERNAL_MODULES,
        // NodejsFunction accepts `charset` but does not pass it to esbuild (aws-cdk-lib 2.276): without this the
        // deployed bundles escape every non-ASCII character (the gate's and chat's Chinese, six bytes each).
        esbuildArgs: { '--charset': LAMBDA_CHARSET },
        define: LAMBDA_DEFINE,
        banner: LAMBDA_BANNER,
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir, outputDir) =>
            afterBundlingCommands(inputDir, outputDir, { modelClient: declaration.readsLlmApiKey === true }),
        },
      },
    });
    acknowledgeFinding(
      role.node.findChild('DefaultPolicy').node.defaultChild!,
      'IAM5[Resource::*]',
      'Active tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions.',
    );
    acknowledgeFinding(
      this.fn,
      'L1',
      'Pinned to Node.js 22, the LTS line the project builds, tests and benchmarks against; raised deliberately.',
    );
  }
}
