import { Match } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { allEventRules, allRoutes, FUNCTIONS, TARGET_DELIVERY } from '../../lib/catalog/functions';
import { TABLE_IDS, TABLES } from '../../lib/catalog/tables';
import { STAGE_NAMES, stageConfig } from '../../lib/stages';
import { synthStage } from './support';

const ref = (logicalIdPrefix: string) => ({ Ref: Match.stringLikeRegexp(`^${logicalIdPrefix}`) });

describe.each(STAGE_NAMES)('%s stage', (stageName) => {
  const stage = stageConfig(stageName);
  const { template } = synthStage(stageName);
  const resourcesOf = (type: string) =>
    Object.values(template.findResources(type)) as Array<{
      // CloudFormation properties: any shape, narrowed by each assertion.
      // biome-ignore lint/suspicious/noExplicitAny: template JSON
      Properties: Record<string, any>;
      DeletionPolicy?: string;
    }>;

  it('creates every catalog table with its keys, on-demand billing, encryption and the stage protections', () => {
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', TABLE_IDS.length);
    for (const id of TABLE_IDS) {
      const declaration = TABLES[id];
      const keySchema = [
        { AttributeName: declaration.partitionKey.name, KeyType: 'HASH' },
        ...('sortKey' in declaration && declaration.sortKey
          ? [{ AttributeName: declaration.sortKey.name, KeyType: 'RANGE' }]
          : []),
      ];
      template.hasResource('AWS::DynamoDB::GlobalTable', {
        Properties: Match.objectLike({
          TableName: `${stage.resourcePrefix}-${id}`,
          KeySchema: keySchema,
          BillingMode: 'PAY_PER_REQUEST',
          SSESpecification: { SSEEnabled: true },
          Replicas: [
            Match.objectLike({
              PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: stage.pointInTimeRecovery },
              DeletionProtectionEnabled: stage.deletionProtection,
            }),
          ],
        }),
        DeletionPolicy: stage.retainData ? 'Retain' : 'Delete',
      });
    }
  });

  it('runs every catalog function on Node.js 22 / ARM64 with its tables and the stage in its environment', () => {
    for (const fn of FUNCTIONS) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: `${stage.resourcePrefix}-${fn.id}`,
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        Environment: {
          Variables: Match.objectLike({
            STAGE: stageName,
            ...Object.fromEntries(
              Object.keys(fn.tables ?? {}).map((id) => [
                TABLES[id as keyof typeof TABLES].envVar,
                Match.anyValue(),
              ]),
            ),
            ...fn.stageEnvironment?.(stage),
          }),
        },
      });
    }
  });

  it('keeps function logs for the stage retention', () => {
    for (const fn of FUNCTIONS) {
      template.hasResourceProperties('AWS::Logs::LogGroup', {
        LogGroupName: `/aws/lambda/${stage.resourcePrefix}-${fn.id}`,
        RetentionInDays: stage.logRetentionDays,
      });
    }
  });

  it('grants a read-only function no write action on its table', () => {
    const policies = resourcesOf('AWS::IAM::Policy').filter((p) =>
      JSON.stringify(p.Properties.Roles).includes('getAccount'),
    );
    const actions = policies.flatMap((p) =>
      p.Properties.PolicyDocument.Statement.flatMap((s: { Action: string | string[] }) => [s.Action].flat()),
    );
    expect(actions).toContain('dynamodb:GetItem');
    expect(actions.some((a: string) => /^dynamodb:(Put|Update|Delete|BatchWrite)/.test(a))).toBe(false);
  });

  it('routes each catalog event rule on the custom bus, with retries and a dead-letter queue', () => {
    template.resourceCountIs('AWS::Events::EventBus', 1);
    for (const rule of allEventRules()) {
      template.hasResourceProperties('AWS::Events::Rule', {
        Name: `${stage.resourcePrefix}-${rule.id}`,
        EventBusName: ref('Bus'),
        EventPattern: rule.pattern,
        Targets: [
          Match.objectLike({
            RetryPolicy: {
              MaximumRetryAttempts: TARGET_DELIVERY.retryAttempts,
              MaximumEventAgeInSeconds: TARGET_DELIVERY.maxEventAgeHours * 3600,
            },
            DeadLetterConfig: { Arn: Match.anyValue() },
          }),
        ],
      });
    }
  });

  it('starts scoring on the stage schedule, with a dead-letter queue', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: stage.schedules.scoring,
      Targets: [
        Match.objectLike({ DeadLetterConfig: { Arn: Match.anyValue() }, RetryPolicy: Match.anyValue() }),
      ],
    });
  });

  it('archives bus events only where the stage asks for it', () => {
    template.resourceCountIs('AWS::Events::Archive', stage.eventArchiveRetentionDays ? 1 : 0);
  });

  it('serves every catalog route on the HTTP API, staff routes behind IAM', () => {
    for (const route of allRoutes()) {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: `${route.method} ${route.path}`,
        AuthorizationType: route.access === 'public' ? 'NONE' : 'AWS_IAM',
      });
    }
    template.resourceCountIs('AWS::ApiGatewayV2::Route', allRoutes().length);
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: {
        ThrottlingRateLimit: stage.http.throttle.rateLimit,
        ThrottlingBurstLimit: stage.http.throttle.burstLimit,
      },
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
    });
  });

  it('hosts the pages in a private bucket behind CloudFront, and keeps the LLM key in Secrets Manager', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'pages-bucket/' }),
    });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ DefaultRootObject: 'index.html', Logging: Match.anyValue() }),
    });
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      Name: `${stage.resourcePrefix}-llm-api-key`,
    });
  });

  it('alarms on errors of every function and on the depth of every dead-letter queue', () => {
    const alarms = resourcesOf('AWS::CloudWatch::Alarm');
    const errorAlarms = alarms.filter((a) => a.Properties.MetricName === 'Errors');
    const dlqAlarms = alarms.filter((a) => a.Properties.MetricName === 'ApproximateNumberOfMessagesVisible');
    expect(errorAlarms).toHaveLength(FUNCTIONS.length);
    expect(errorAlarms.every((a) => a.Properties.Threshold === stage.alarms.functionErrorThreshold)).toBe(
      true,
    );
    expect(dlqAlarms).toHaveLength(resourcesOf('AWS::SQS::Queue').length);
    expect(alarms.every((a) => a.Properties.AlarmActions?.length === 1)).toBe(true);
  });
});

describe('cdk-nag AwsSolutions', () => {
  it.each(STAGE_NAMES)('reports no unacknowledged finding for %s', (stageName) => {
    const { stack } = synthStage(stageName);
    const report = new AwsSolutionsChecks().validateScope(stack);
    expect(
      report.violations.map(
        (v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.resourceLogicalId)}`,
      ),
    ).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('catches a finding nobody acknowledged', () => {
    const { stack } = synthStage('dev');
    new Bucket(stack, 'UnloggedBucket');
    const rules = new AwsSolutionsChecks().validateScope(stack).violations.map((v) => v.ruleName);
    expect(rules).toEqual(expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']));
  });
});
