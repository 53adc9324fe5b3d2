import * as path from 'node:path';
import {
  type CfnElement,
  CfnOutput,
  Duration,
  RemovalPolicy,
  SecretValue,
  Stack,
  type StackProps,
} from 'aws-cdk-lib';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Alarm, ComparisonOperator, type IMetric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { AttributeType, Billing, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, type EventPattern, Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Alias } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import {
  type Access,
  FUNCTIONS,
  type FunctionDeclaration,
  servedRoutes,
  TARGET_DELIVERY,
  tableEnvironment,
} from '../catalog/functions';
import type { StageConfig } from '../catalog/stages';
import { TABLE_IDS, TABLES, type TableDeclaration, type TableId } from '../catalog/tables';
import { BusinessDashboard } from './constructs/business-dashboard';
import { CollectionsFunction } from './constructs/collections-function';
import { DebitScheduling } from './constructs/debit-scheduling';
import { StaffDirectory } from './constructs/staff-directory';
import { WebHosting } from './constructs/web-hosting';
import { acknowledgeFinding } from './nag';

export interface CollectionsStackProps extends StackProps {
  readonly stage: StageConfig;
  /** Folder holding package.json, lambdas/ and web/. */
  readonly projectRoot: string;
}

const RETENTION: Record<StageConfig['logRetentionDays'], RetentionDays> = {
  7: RetentionDays.ONE_WEEK,
  30: RetentionDays.ONE_MONTH,
  365: RetentionDays.ONE_YEAR,
};

/** CDK's EventPattern uses camelCase for the top-level `detail-type`; everything else is passed as written. */
const toCdkEventPattern = ({ 'detail-type': detailType, ...rest }: Record<string, unknown>): EventPattern =>
  ({ ...rest, ...(detailType ? { detailType } : {}) }) as EventPattern;

const toCdkAttribute = (key: { name: string; type: 'S' | 'N' }) => ({
  name: key.name,
  type: key.type === 'S' ? AttributeType.STRING : AttributeType.NUMBER,
});

const isStaff = (access: Access) => access === 'agent' || access === 'supervisor';

const physicalFunctionName = (stage: StageConfig, functionId: string) =>
  `${stage.resourcePrefix}-${functionId}`;

/** The one function the debit one-off schedules run. */
function debitScheduleTarget(): FunctionDeclaration {
  const targets = FUNCTIONS.filter((fn) => fn.runsScheduledDebits);
  if (targets.length !== 1) {
    throw new Error(`Exactly one catalog function must run scheduled debits, found ${targets.length}.`);
  }
  return targets[0]!;
}

/** One stage of the collections assistant, built from the function and table catalog. */
export class CollectionsStack extends Stack {
  readonly tables = new Map<TableId, TableV2>();
  readonly functions = new Map<string, IFunction>();

  constructor(scope: Construct, id: string, props: CollectionsStackProps) {
    super(scope, id, props);
    const { stage } = props;
    const removalPolicy = stage.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    const name = (suffix: string) => `${stage.resourcePrefix}-${suffix}`;

    const alarmTopic = new Topic(this, 'AlarmTopic', {
      topicName: name('alarms'),
      masterKey: Alias.fromAliasName(this, 'SnsManagedKey', 'alias/aws/sns'),
      enforceSSL: true,
    });
    if (stage.alarms.notifyEmail) alarmTopic.addSubscription(new EmailSubscription(stage.alarms.notifyEmail));
    const alarmAction = new SnsAction(alarmTopic);
    const alarmPeriod = Duration.minutes(stage.alarms.periodMinutes);

    for (const tableId of TABLE_IDS)
      this.tables.set(tableId, this.createTable(TABLES[tableId], stage, removalPolicy));

    const bus = new EventBus(this, 'Bus', { eventBusName: name('bus') });
    if (stage.eventArchiveRetentionDays) {
      bus.archive('Archive', {
        archiveName: name('archive'),
        description: 'Every event on the collections bus, for replay after an incident.',
        eventPattern: { account: [this.account] },
        retention: Duration.days(stage.eventArchiveRetentionDays),
      });
    }

    const llmApiKey = new Secret(this, 'LlmApiKey', {
      secretName: name('llm-api-key'),
      description:
        'API key of the OpenAI-compatible LLM endpoint used for drafting, as {"apiKey": "..."}. Empty: drafting runs offline.',
      // An empty key, not a generated one: a fresh stage drafts offline instead of failing every model call.
      secretObjectValue: { apiKey: SecretValue.unsafePlainText('') },
      removalPolicy,
    });
    acknowledgeFinding(
      llmApiKey,
      'SMG4',
      "A third-party LLM API key is issued and rotated in the provider's console; no rotation Lambda can mint one.",
    );

    const web = new WebHosting(this, 'Web', {
      webRoot: path.join(props.projectRoot, 'web'),
      removalPolicy,
      retainData: stage.retainData,
    });

    const api = new HttpApi(this, 'HttpApi', {
      apiName: name('api'),
      description: 'Repayment portal and agent console API.',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [`https://${web.distribution.distributionDomainName}`, ...stage.http.extraCorsOrigins],
        allowMethods: [...new Set(servedRoutes().map((route) => CorsHttpMethod[route.method]))],
        allowHeaders: ['content-type', 'authorization', 'x-correlation-id'],
        maxAge: Duration.hours(1),
      },
    });
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', {
      retention: RETENTION[stage.logRetentionDays],
      removalPolicy,
    });
    api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: stage.http.throttle,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs) },
    });
    const staff = new StaffDirectory(this, 'Staff', {
      resourcePrefix: stage.resourcePrefix,
      removalPolicy,
      consoleUrl: `https://${web.distribution.distributionDomainName}/console/`,
    });
    const staffAuthorizer = new HttpUserPoolAuthorizer('StaffAuthorizer', staff.userPool, {
      userPoolClients: [staff.consoleClient],
    });
    // Customer sessions are signed by the service itself after identity verification.
    const sessionKey = new Secret(this, 'SessionSigningKey', {
      secretName: name('session-signing-key'),
      description: "HMAC key signing customers' portal session tokens.",
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy,
    });
    acknowledgeFinding(
      sessionKey,
      'SMG4',
      'Rotating the key signs every customer out; done deliberately with a new version, not on a schedule.',
    );

    /** Alarms to the stage's topic once a metric reaches its threshold within one period. */
    const alarmAt = (id: string, description: string, metric: IMetric, threshold: number) =>
      new Alarm(this, id, {
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }).addAlarmAction(alarmAction);

    const deadLetterQueue = (id: string) => {
      const queue = new Queue(this, id, {
        queueName: name(id.replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase())),
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        retentionPeriod: Duration.days(14),
        removalPolicy,
      });
      alarmAt(
        `${id}DepthAlarm`,
        `Messages are waiting in ${id}: a consumer gave up on events.`,
        queue.metricApproximateNumberOfMessagesVisible({ period: alarmPeriod }),
        stage.alarms.deadLetterThreshold,
      );
      acknowledgeFinding(
        queue,
        'SQS3',
        'This queue is itself the dead-letter queue of an EventBridge target.',
      );
      return queue;
    };

    const bankApiToken = new Secret(this, 'BankApiToken', {
      secretName: name('bank-api-token'),
      description:
        'Bearer token for the bank\'s debit API, as {"token": "..."}. Empty until the bank issues one.',
      // Empty, not generated: the bank issues the token, and a made-up one would only be refused.
      secretObjectValue: { token: SecretValue.unsafePlainText('') },
      removalPolicy,
    });
    acknowledgeFinding(
      bankApiToken,
      'SMG4',
      'The bank issues and rotates the debit API token through its own onboarding; no rotation Lambda can mint one.',
    );

    const debitScheduling = new DebitScheduling(this, 'DebitScheduling', {
      resourcePrefix: stage.resourcePrefix,
      targetFunctionName: physicalFunctionName(stage, debitScheduleTarget().id),
      deadLetterQueue: deadLetterQueue('DebitScheduleDlq'),
      removalPolicy,
    });

    for (const declaration of FUNCTIONS) {
      const servesCustomers = (declaration.routes ?? []).some((route) => route.access === 'customer');
      const fn = this.createFunction(declaration, stage, props.projectRoot, removalPolicy, {
        ...(declaration.publishesEvents ? { EVENT_BUS_NAME: bus.eventBusName } : {}),
        ...(declaration.readsLlmApiKey ? { LLM_API_KEY_SECRET_ARN: llmApiKey.secretArn } : {}),
        ...(servesCustomers || declaration.issuesSessions
          ? { SESSION_KEY_SECRET_ARN: sessionKey.secretArn }
          : {}),
        ...(declaration.usesPaymentGateway ? { BANK_API_SECRET_ARN: bankApiToken.secretArn } : {}),
        ...(declaration.schedulesDebits ? debitScheduling.environment : {}),
      });
      if (servesCustomers || declaration.issuesSessions) sessionKey.grantRead(fn);
      this.functions.set(declaration.id, fn);
      this.grantTables(declaration, fn);
      if (declaration.publishesEvents) bus.grantPutEventsTo(fn);
      if (declaration.readsLlmApiKey) llmApiKey.grantRead(fn);
      if (declaration.usesPaymentGateway) bankApiToken.grantRead(fn);
      if (declaration.schedulesDebits) debitScheduling.grantScheduling(declaration.id, fn);
      if (declaration.runsScheduledDebits) debitScheduling.allowInvoking(fn);
      if (declaration.sendsOutreach && stage.outreach.delivery === 'send') {
        this.grantOutreachChannels(declaration.id, fn, stage.outreach.emailFrom);
      }

      alarmAt(
        `${declaration.id}ErrorsAlarm`,
        `${declaration.id} is failing.`,
        fn.metricErrors({ period: alarmPeriod }),
        stage.alarms.functionErrorThreshold,
      );

      const routes = servedRoutes().filter((route) => route.functionId === declaration.id);
      // One integration per function, shared by its routes (HEAD doubles the GET routes: resources count).
      const integration = routes.length
        ? new HttpLambdaIntegration(`${declaration.id}Integration`, fn)
        : undefined;
      for (const route of routes) {
        const [apiRoute] = api.addRoutes({
          path: route.path,
          methods: [HttpMethod[route.method]],
          integration: integration!,
          authorizer: isStaff(route.access) ? staffAuthorizer : new HttpNoneAuthorizer(),
        });
        if (route.access === 'public') {
          acknowledgeFinding(
            apiRoute!,
            'APIG4',
            `${route.method} ${route.path} is public by design: ${declaration.description}`,
          );
        }
        if (route.access === 'customer') {
          acknowledgeFinding(
            apiRoute!,
            'APIG4',
            `${route.method} ${route.path} is for customers, who hold no Cognito identity: the handler verifies their signed session token.`,
          );
        }
      }

      const ruleDlqs = (declaration.eventRules ?? []).map((rule) => {
        const queue = deadLetterQueue(`${rule.id}Dlq`);
        new Rule(this, `${rule.id}Rule`, {
          ruleName: name(rule.id),
          description: rule.description,
          eventBus: bus,
          eventPattern: toCdkEventPattern(rule.pattern),
          targets: [this.lambdaTarget(fn, queue)],
        });
        return queue;
      });
      // EventBridge invokes asynchronously: the target's DLQ only catches events Lambda never accepted. An event
      // the handler refused (a detail off its contract, lambdas/events/event-handler.ts) or kept failing on is
      // sent, after Lambda's own retries, to the function's first rule's DLQ, where the same alarm watches.
      if (ruleDlqs[0]) fn.configureAsyncInvoke({ onFailure: new SqsDestination(ruleDlqs[0]) });

      for (const scheduleId of declaration.schedules ?? []) {
        new Rule(this, `${scheduleId}ScheduleRule`, {
          ruleName: name(`${scheduleId}-schedule`),
          description: `Starts ${declaration.id} on the ${scheduleId} schedule.`,
          schedule: Schedule.expression(stage.schedules[scheduleId]),
          targets: [this.lambdaTarget(fn, deadLetterQueue(`${scheduleId}ScheduleDlq`))],
        });
      }
    }

    // The pages call the API (its id would make a dependency cycle with its CORS origins: any API in this
    // region) and, in the console, the staff sign-in's token endpoint.
    web.allowConnectionsTo(`https://*.execute-api.${this.region}.amazonaws.com`);
    web.allowConnectionsTo(`https://${staff.consoleAuth(this.region).domain}`);
    web.deploy({
      apiUrl: api.apiEndpoint,
      stage: stage.name,
      auth: {
        ...staff.consoleAuth(this.region),
        redirectUri: `https://${web.distribution.distributionDomainName}/console/`,
      },
    });

    new BusinessDashboard(this, 'Business', { stage, alarmAction });

    new CfnOutput(this, 'ApiUrl', { value: api.apiEndpoint });
    new CfnOutput(this, 'WebUrl', { value: `https://${web.distribution.distributionDomainName}` });
    new CfnOutput(this, 'EventBusName', { value: bus.eventBusName });
    new CfnOutput(this, 'LlmApiKeySecretArn', { value: llmApiKey.secretArn });
    new CfnOutput(this, 'BankApiTokenSecretArn', { value: bankApiToken.secretArn });
    new CfnOutput(this, 'DebitScheduleGroupName', { value: debitScheduling.group.scheduleGroupName });
    new CfnOutput(this, 'StaffUserPoolId', { value: staff.userPool.userPoolId });
    new CfnOutput(this, 'ConsoleClientId', { value: staff.consoleClient.userPoolClientId });
  }

  private createTable(
    declaration: TableDeclaration,
    stage: StageConfig,
    removalPolicy: RemovalPolicy,
  ): TableV2 {
    return new TableV2(this, `${declaration.id}Table`, {
      tableName: `${stage.resourcePrefix}-${declaration.id}`,
      partitionKey: toCdkAttribute(declaration.partitionKey),
      sortKey: declaration.sortKey ? toCdkAttribute(declaration.sortKey) : undefined,
      billing: Billing.onDemand(),
      encryption: TableEncryptionV2.awsManagedKey(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: stage.pointInTimeRecovery },
      deletionProtection: stage.deletionProtection,
      timeToLiveAttribute: declaration.timeToLiveAttribute,
      globalSecondaryIndexes: declaration.indexes?.map((index) => ({
        indexName: index.name,
        partitionKey: toCdkAttribute(index.partitionKey),
        sortKey: index.sortKey ? toCdkAttribute(index.sortKey) : undefined,
      })),
      removalPolicy,
    });
  }

  private createFunction(
    declaration: FunctionDeclaration,
    stage: StageConfig,
    projectRoot: string,
    removalPolicy: RemovalPolicy,
    resourceEnvironment: Record<string, string>,
  ): IFunction {
    const environment: Record<string, string> = {
      STAGE: stage.name,
      ...tableEnvironment(declaration, (id) => this.tables.get(id)!.tableName),
      ...resourceEnvironment,
      ...declaration.stageEnvironment?.(stage),
    };
    return new CollectionsFunction(this, declaration.id, {
      declaration,
      projectRoot,
      functionName: physicalFunctionName(stage, declaration.id),
      environment,
      logRetention: RETENTION[stage.logRetentionDays],
      logRemovalPolicy: removalPolicy,
    }).fn;
  }

  /** E-mail from the stage's SES identity (address or its domain), SMS through SNS. */
  private grantOutreachChannels(functionId: string, fn: IFunction, emailFrom: string): void {
    const domain = emailFrom.split('@')[1]!;
    const identity = (name: string) =>
      this.formatArn({ service: 'ses', resource: 'identity', resourceName: name });
    const policy = new Policy(this, `${functionId}OutreachChannels`, {
      statements: [
        new PolicyStatement({
          actions: ['ses:SendEmail'],
          resources: [identity(emailFrom), identity(domain)],
        }),
        new PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }),
      ],
    });
    fn.role!.attachInlinePolicy(policy);
    acknowledgeFinding(
      policy,
      'IAM5[Resource::*]',
      'SMS sent straight to a phone number through sns:Publish has no resource to scope the permission to.',
    );
  }

  private grantTables(declaration: FunctionDeclaration, fn: IFunction): void {
    for (const [id, access] of Object.entries(declaration.tables ?? {})) {
      const table = this.tables.get(id as TableId)!;
      if (access === 'read') table.grantReadData(fn);
      else table.grantReadWriteData(fn);
      if ((TABLES[id as TableId] as TableDeclaration).indexes) {
        const tableId = this.getLogicalId(table.node.defaultChild as CfnElement);
        acknowledgeFinding(
          fn.role!.node.findChild('DefaultPolicy').node.defaultChild!,
          `IAM5[Resource::<${tableId}.Arn>/index/*]`,
          `Queries the ${id} table's secondary indexes, which the grant covers as the table's index/* ARNs.`,
        );
      }
    }
  }

  private lambdaTarget(fn: IFunction, deadLetterQueue: Queue): LambdaFunction {
    return new LambdaFunction(fn, {
      deadLetterQueue,
      retryAttempts: TARGET_DELIVERY.retryAttempts,
      maxEventAge: Duration.hours(TARGET_DELIVERY.maxEventAgeHours),
    });
  }
}
