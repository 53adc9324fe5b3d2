import { Match } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { allEventRules, allRoutes, FUNCTIONS, servedRoutes, TARGET_DELIVERY } from '../../catalog/functions';
import { STAGE_NAMES, stageConfig } from '../../catalog/stages';
import { type IndexDeclaration, TABLE_IDS, TABLES, type TableDeclaration } from '../../catalog/tables';
import { synthStage } from './support';

const ref = (logicalIdPrefix: string) => ({ Ref: Match.stringLikeRegexp(`^${logicalIdPrefix}`) });
const getAtt = (logicalId: string, attribute = 'Arn') => ({ 'Fn::GetAtt': [logicalId, attribute] });
/** A CloudFormation string value as text, with `<Ref>` where a reference stands. */
const stringOf = (value: unknown): string => {
  if (typeof value === 'string') return value;
  const intrinsic = value as { 'Fn::Join'?: [string, unknown[]]; Ref?: string };
  if (intrinsic.Ref) return `<${intrinsic.Ref}>`;
  if (intrinsic['Fn::Join']) return intrinsic['Fn::Join'][1].map(stringOf).join(intrinsic['Fn::Join'][0]);
  return `<${JSON.stringify(value)}>`;
};
/** An ARN in the stack's own partition, region and account, as `Stack.formatArn` renders it. */
const stackArn = (service: string, resource: string) => ({
  'Fn::Join': [
    '',
    [
      'arn:',
      { Ref: 'AWS::Partition' },
      `:${service}:`,
      { Ref: 'AWS::Region' },
      ':',
      { Ref: 'AWS::AccountId' },
      `:${resource}`,
    ],
  ],
});

/** The outreach wiring as it should be, written out rather than read from the catalog. */
const OUTREACH_RULES = [
  {
    functionId: 'prepareOutreach',
    ruleId: 'TreatmentChangedToDrafting',
    pattern: { source: ['collections.scoring'], 'detail-type': ['TreatmentChanged'] },
  },
  {
    functionId: 'deliverOutreach',
    ruleId: 'OutreachQueuedToDelivery',
    pattern: { source: ['collections.outreach'], 'detail-type': ['OutreachQueued'] },
  },
] as const;
/** Functions that send through the channels: outreach, and the portal's verification codes. */
const DELIVERY_FUNCTIONS = ['deliverOutreach', 'dispatchOutbox', 'portalVerification'] as const;
/** Functions that call the model: drafting, and the portal chat's tool choice. */
const LLM_FUNCTIONS = ['prepareOutreach', 'portalConversations', 'requestDraft'] as const;
/** Functions that read the session signing key: they serve customers or sign their sessions. */
const SESSION_KEY_READERS = [
  'portalVerification',
  'portalAccount',
  'portalConversations',
  'portalPayments',
] as const;
/** Functions that create debit one-off schedules: customers, agents, the planner, re-presentments, the sweep. */
const DEBIT_SCHEDULERS = [
  'portalPayments',
  'staffPayments',
  // Plan instalments collected on their due dates, where the customer chose it.
  'monitorInstalments',
  'planDebit',
  'executeDebit',
  'sweepDebits',
] as const;
/** The one function the debit schedules invoke. */
const DEBIT_TARGET = 'executeDebit';
/** Functions that call the bank's debit API. */
const BANK_API_CALLERS = ['executeDebit', 'sweepDebits'] as const;
const EXPECTED_DELIVERY = { dev: 'store_only', staging: 'store_only', prod: 'send' } as const;

interface IamStatement {
  Effect: string;
  Action: string | string[];
  Resource?: unknown;
}
const actionsOf = (statement: IamStatement) => [statement.Action].flat();

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
  // biome-ignore lint/suspicious/noExplicitAny: template JSON
  const resources = template.toJSON().Resources as Record<string, { Type: string; Properties: any }>;
  /** The logical id of the one resource of `type` with these properties. */
  const onlyLogicalId = (type: string, properties: Record<string, unknown>) => {
    const ids = Object.keys(template.findResources(type, { Properties: properties }));
    expect(ids, `${type} ${JSON.stringify(properties)}`).toHaveLength(1);
    return ids[0]!;
  };
  const functionLogicalId = (functionId: string) =>
    onlyLogicalId('AWS::Lambda::Function', { FunctionName: `${stage.resourcePrefix}-${functionId}` });
  const roleLogicalId = (functionId: string): string =>
    resources[functionLogicalId(functionId)]!.Properties.Role['Fn::GetAtt'][0];
  const tableLogicalId = (tableId: string) =>
    onlyLogicalId('AWS::DynamoDB::GlobalTable', { TableName: `${stage.resourcePrefix}-${tableId}` });
  const secretLogicalId = () =>
    onlyLogicalId('AWS::SecretsManager::Secret', { Name: `${stage.resourcePrefix}-llm-api-key` });
  const sessionKeyLogicalId = () =>
    onlyLogicalId('AWS::SecretsManager::Secret', { Name: `${stage.resourcePrefix}-session-signing-key` });
  const bankTokenLogicalId = () =>
    onlyLogicalId('AWS::SecretsManager::Secret', { Name: `${stage.resourcePrefix}-bank-api-token` });
  const debitGroupName = `${stage.resourcePrefix}-debits`;
  const schedulerRoleLogicalId = () =>
    onlyLogicalId('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectLike({
        Statement: [Match.objectLike({ Principal: { Service: 'scheduler.amazonaws.com' } })],
      }),
    });
  const debitDlqLogicalId = () =>
    onlyLogicalId('AWS::SQS::Queue', { QueueName: `${stage.resourcePrefix}-debit-schedule-dlq` });
  /**
   * Every identity-based IAM statement of the template (policies, managed policies, roles' inline
   * policies), with the roles it applies to. Resource policies (the alarm topic's) are not IAM identities.
   */
  const iamStatements = () =>
    Object.entries(resources).flatMap(([logicalId, resource]) => {
      const roleIds = (roles: unknown[] = []) =>
        roles.map((role) => (typeof role === 'object' && role && 'Ref' in role ? role.Ref : String(role)));
      const documents: Array<{ roles: string[]; document: { Statement: IamStatement[] } }> =
        resource.Type === 'AWS::IAM::Policy' || resource.Type === 'AWS::IAM::ManagedPolicy'
          ? [{ roles: roleIds(resource.Properties.Roles), document: resource.Properties.PolicyDocument }]
          : resource.Type === 'AWS::IAM::Role'
            ? (resource.Properties.Policies ?? []).map(
                (p: { PolicyDocument: { Statement: IamStatement[] } }) => ({
                  roles: [logicalId],
                  document: p.PolicyDocument,
                }),
              )
            : [];
      return documents.flatMap(({ roles, document }) =>
        document.Statement.map((statement) => ({ policy: logicalId, roles, statement })),
      );
    });
  const statementsOfRole = (roleId: string) =>
    iamStatements()
      .filter(({ roles }) => roles.includes(roleId))
      .map(({ statement }) => statement);
  const environmentOf = (logicalId: string): Record<string, unknown> =>
    resources[logicalId]!.Properties.Environment?.Variables ?? {};

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

  it('serves every catalog route on the HTTP API (and HEAD wherever GET), staff routes behind the Cognito JWT authorizer', () => {
    const authorizerId = onlyLogicalId('AWS::ApiGatewayV2::Authorizer', { AuthorizerType: 'JWT' });
    const gets = allRoutes().filter((route) => route.method === 'GET');
    expect(servedRoutes()).toHaveLength(allRoutes().length + gets.length);
    for (const get of gets) {
      expect(servedRoutes()).toContainEqual({ ...get, method: 'HEAD' });
    }
    for (const route of servedRoutes()) {
      const staff = route.access === 'agent' || route.access === 'supervisor';
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: `${route.method} ${route.path}`,
        AuthorizationType: staff ? 'JWT' : 'NONE',
        AuthorizerId: staff ? { Ref: authorizerId } : Match.absent(),
      });
    }
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
    });
    for (const group of ['agent', 'supervisor']) {
      template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: group });
    }
    template.resourceCountIs('AWS::ApiGatewayV2::Route', servedRoutes().length);
    // The local-only helpers (developer inbox, demo customers, dev logins) are never deployed.
    const routeKeys = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map(
      (route) => route.Properties.RouteKey as string,
    );
    expect(routeKeys.filter((key) => key.includes('/_local'))).toEqual([]);
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

  it('sends a strict Content-Security-Policy and the other security headers with every page', () => {
    const policyId = onlyLogicalId('AWS::CloudFront::ResponseHeadersPolicy', {});
    const distribution = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0]!;
    expect(distribution.Properties.DistributionConfig.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({
      Ref: policyId,
    });
    const config = template.findResources('AWS::CloudFront::ResponseHeadersPolicy')[policyId]!.Properties
      .ResponseHeadersPolicyConfig;
    const headers = config.SecurityHeadersConfig;
    expect(headers.ContentTypeOptions).toEqual({ Override: true });
    expect(headers.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    expect(headers.ReferrerPolicy).toEqual({ ReferrerPolicy: 'no-referrer', Override: true });
    expect(headers.StrictTransportSecurity).toMatchObject({ Override: true, IncludeSubdomains: true });
    expect(headers.StrictTransportSecurity.AccessControlMaxAgeSec).toBeGreaterThanOrEqual(31_536_000);
    expect(headers.ContentSecurityPolicy.Override).toBe(true);
    // The policy holds the region as a token: read its text with the token parts as placeholders.
    const csp = stringOf(headers.ContentSecurityPolicy.ContentSecurityPolicy);
    const directives = Object.fromEntries(
      csp.split(';').map((directive) => {
        const [name, ...values] = directive.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]); // no inline script, no eval
    expect(directives['style-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['connect-src']).toEqual([
      "'self'",
      'https://*.execute-api.<AWS::Region>.amazonaws.com',
      expect.stringMatching(/^https:\/\/.+\.auth\.<AWS::Region>\.amazoncognito\.com$/),
    ]);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('sends events a consumer refused or kept failing on to its first rule’s dead-letter queue', () => {
    const consumers = FUNCTIONS.filter((fn) => (fn.eventRules ?? []).length > 0);
    template.resourceCountIs('AWS::Lambda::EventInvokeConfig', consumers.length);
    for (const fn of consumers) {
      const queueId = onlyLogicalId('AWS::SQS::Queue', {
        QueueName: `${stage.resourcePrefix}-${fn.eventRules![0]!.id.replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase())}-dlq`,
      });
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: functionLogicalId(fn.id) },
        Qualifier: '$LATEST',
        DestinationConfig: { OnFailure: { Destination: getAtt(queueId) } },
      });
    }
  });

  it('invokes the owning function from every catalog rule, schedule and route', () => {
    for (const fn of FUNCTIONS) {
      const fnArn = getAtt(functionLogicalId(fn.id));
      for (const rule of fn.eventRules ?? []) {
        const ruleId = onlyLogicalId('AWS::Events::Rule', { Name: `${stage.resourcePrefix}-${rule.id}` });
        template.hasResourceProperties('AWS::Events::Rule', {
          Name: `${stage.resourcePrefix}-${rule.id}`,
          Targets: [Match.objectLike({ Arn: fnArn })],
        });
        template.hasResourceProperties('AWS::Lambda::Permission', {
          Action: 'lambda:InvokeFunction',
          FunctionName: fnArn,
          Principal: 'events.amazonaws.com',
          SourceArn: getAtt(ruleId),
        });
      }
      for (const scheduleId of fn.schedules ?? []) {
        const name = `${stage.resourcePrefix}-${scheduleId}-schedule`;
        const ruleId = onlyLogicalId('AWS::Events::Rule', { Name: name });
        template.hasResourceProperties('AWS::Events::Rule', {
          Name: name,
          ScheduleExpression: stage.schedules[scheduleId],
          Targets: [Match.objectLike({ Arn: fnArn, DeadLetterConfig: { Arn: Match.anyValue() } })],
        });
        template.hasResourceProperties('AWS::Lambda::Permission', {
          FunctionName: fnArn,
          Principal: 'events.amazonaws.com',
          SourceArn: getAtt(ruleId),
        });
      }
      for (const route of fn.routes ?? []) {
        const routeResource =
          resources[
            onlyLogicalId('AWS::ApiGatewayV2::Route', { RouteKey: `${route.method} ${route.path}` })
          ]!;
        const integrationId = routeResource.Properties.Target['Fn::Join'][1][1].Ref as string;
        expect(routeResource.Properties.Target).toEqual({
          'Fn::Join': ['', ['integrations/', { Ref: integrationId }]],
        });
        expect(resources[integrationId]).toMatchObject({
          Type: 'AWS::ApiGatewayV2::Integration',
          Properties: { IntegrationType: 'AWS_PROXY', IntegrationUri: fnArn },
        });
      }
    }
  });

  it('drafts on treatment changes, delivers queued outreach, dispatches the outbox and serves the contacts', () => {
    for (const { functionId, ruleId, pattern } of OUTREACH_RULES) {
      expect(allEventRules().filter((rule) => rule.id === ruleId)).toEqual([
        expect.objectContaining({ functionId, pattern }),
      ]);
      template.hasResourceProperties('AWS::Events::Rule', {
        Name: `${stage.resourcePrefix}-${ruleId}`,
        EventBusName: ref('Bus'),
        EventPattern: Match.exact(pattern),
        Targets: [Match.objectLike({ Arn: getAtt(functionLogicalId(functionId)) })],
      });
    }
    expect(FUNCTIONS.find((fn) => fn.id === 'dispatchOutbox')?.schedules).toEqual(['outbox']);
    template.hasResourceProperties('AWS::Events::Rule', {
      Name: `${stage.resourcePrefix}-outbox-schedule`,
      ScheduleExpression: stage.schedules.outbox,
      EventBusName: Match.absent(),
      Targets: [Match.objectLike({ Arn: getAtt(functionLogicalId('dispatchOutbox')) })],
    });
    expect(allRoutes().filter((route) => route.functionId === 'getAccountContacts')).toEqual([
      {
        method: 'GET',
        path: '/accounts/{accountId}/contacts',
        access: 'agent',
        functionId: 'getAccountContacts',
      },
    ]);
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'GET /accounts/{accountId}/contacts',
      AuthorizationType: 'JWT',
    });
  });

  it('grants each function read or read-write access to exactly the catalog tables', () => {
    const writes = /^dynamodb:(PutItem|UpdateItem|DeleteItem|BatchWriteItem|\*)$/;
    for (const fn of FUNCTIONS) {
      const statements = statementsOfRole(roleLogicalId(fn.id));
      for (const tableId of TABLE_IDS) {
        const onTable = statements.filter((s) =>
          JSON.stringify(s.Resource).includes(`"${tableLogicalId(tableId)}"`),
        );
        const actions = onTable.flatMap(actionsOf);
        const access = fn.tables?.[tableId];
        const where = `${fn.id} on ${tableId}`;
        if (!access) expect(actions, where).toEqual([]);
        else expect(actions, where).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
        if (access === 'read')
          expect(
            actions.filter((a) => writes.test(a)),
            where,
          ).toEqual([]);
        if (access === 'readWrite')
          expect(actions, where).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem']));
      }
    }
    // The call script offers the account's repayment options, so it reads (only reads) the offers table.
    const scriptOnOffers = statementsOfRole(roleLogicalId('getAccountScript'))
      .filter((s) => JSON.stringify(s.Resource).includes(`"${tableLogicalId('offers')}"`))
      .flatMap(actionsOf);
    expect(scriptOnOffers).toContain('dynamodb:GetItem');
    expect(scriptOnOffers.filter((a) => writes.test(a))).toEqual([]);
  });

  it("indexes the contacts outbox by due shard and time, and every table's indexes as declared", () => {
    expect(TABLES.contacts.indexes).toEqual([
      {
        name: 'dueMessages',
        partitionKey: { name: 'dueShard', type: 'S' },
        sortKey: { name: 'notBefore', type: 'S' },
      },
    ]);
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      TableName: `${stage.resourcePrefix}-contacts`,
      AttributeDefinitions: Match.arrayWith([
        { AttributeName: 'dueShard', AttributeType: 'S' },
        { AttributeName: 'notBefore', AttributeType: 'S' },
      ]),
      GlobalSecondaryIndexes: [
        Match.objectLike({
          IndexName: 'dueMessages',
          KeySchema: [
            { AttributeName: 'dueShard', KeyType: 'HASH' },
            { AttributeName: 'notBefore', KeyType: 'RANGE' },
          ],
        }),
      ],
    });
    for (const id of TABLE_IDS) {
      const indexes: readonly IndexDeclaration[] = (TABLES[id] as TableDeclaration).indexes ?? [];
      template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
        TableName: `${stage.resourcePrefix}-${id}`,
        GlobalSecondaryIndexes: indexes.length
          ? indexes.map((index) =>
              Match.objectLike({
                IndexName: index.name,
                KeySchema: [
                  { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
                  ...(index.sortKey ? [{ AttributeName: index.sortKey.name, KeyType: 'RANGE' }] : []),
                ],
              }),
            )
          : Match.absent(),
      });
    }
  });

  it('creates the LLM key secret empty ({"apiKey":""}), not generated, and a generated session key', () => {
    template.resourceCountIs('AWS::SecretsManager::Secret', 3);
    const sessionKey = resources[sessionKeyLogicalId()]!.Properties;
    expect(sessionKey.GenerateSecretString).toMatchObject({ PasswordLength: 64 });
    const secret = resources[secretLogicalId()]!.Properties;
    expect(JSON.parse(secret.SecretString)).toEqual({ apiKey: '' });
    expect(secret.SecretString).toBe('{"apiKey":""}');
    expect(secret.GenerateSecretString).toBeUndefined();
  });

  it('gives the drafting and chat functions the LLM key secret and the stage model, and no other function the secret', () => {
    const secretId = secretLogicalId();
    const modelUsers = LLM_FUNCTIONS.map(functionLogicalId);
    for (const id of modelUsers) {
      expect(environmentOf(id)).toMatchObject({
        LLM_API_KEY_SECRET_ARN: { Ref: secretId },
        LLM_MODEL: stage.llm.model,
      });
      expect(environmentOf(id).OPENAI_BASE_URL).toBe(stage.llm.baseURL);
    }
    const withSecretArn = Object.keys(template.findResources('AWS::Lambda::Function')).filter(
      (id) => 'LLM_API_KEY_SECRET_ARN' in environmentOf(id),
    );
    expect(new Set(withSecretArn)).toEqual(new Set(modelUsers));

    const modelRoles = LLM_FUNCTIONS.map(roleLogicalId);
    for (const role of modelRoles) {
      expect(statementsOfRole(role)).toContainEqual(
        expect.objectContaining({
          Effect: 'Allow',
          Action: expect.arrayContaining(['secretsmanager:GetSecretValue']),
          Resource: { Ref: secretId },
        }),
      );
    }
    const secretGrants = iamStatements().filter(
      ({ statement }) =>
        actionsOf(statement).includes('*') ||
        JSON.stringify(statement.Resource ?? null).includes(`"${secretId}"`),
    );
    expect(secretGrants.length).toBeGreaterThan(0);
    expect(secretGrants.filter(({ roles }) => roles.some((role) => !modelRoles.includes(role)))).toEqual([]);
  });

  it('lets only the functions serving customers read the session signing key', () => {
    const keyId = sessionKeyLogicalId();
    const readers = iamStatements()
      .filter(({ statement }) => JSON.stringify(statement.Resource ?? null).includes(`"${keyId}"`))
      .flatMap(({ roles }) => roles);
    expect(new Set(readers)).toEqual(new Set(SESSION_KEY_READERS.map(roleLogicalId)));
    for (const functionId of SESSION_KEY_READERS) {
      expect(environmentOf(functionLogicalId(functionId))).toMatchObject({
        SESSION_KEY_SECRET_ARN: { Ref: keyId },
      });
    }
    // Every secrets permission in the stack is on one of the three secrets.
    const secretActions = iamStatements().filter(({ statement }) =>
      actionsOf(statement).some((a) => /^secretsmanager:/i.test(a)),
    );
    for (const { statement } of secretActions) {
      expect(JSON.stringify(statement.Resource)).toMatch(
        new RegExp(`"(${keyId}|${secretLogicalId()}|${bankTokenLogicalId()})"`),
      );
    }
  });

  it(`delivers outreach as ${EXPECTED_DELIVERY[stageName]}, from the stage's address, in the delivery functions only`, () => {
    expect(stage.outreach.delivery).toBe(EXPECTED_DELIVERY[stageName]);
    const deliveryIds = DELIVERY_FUNCTIONS.map(functionLogicalId);
    for (const id of deliveryIds) {
      expect(environmentOf(id)).toMatchObject({
        OUTREACH_DELIVERY: EXPECTED_DELIVERY[stageName],
        OUTREACH_EMAIL_FROM: stage.outreach.emailFrom,
      });
    }
    const others = Object.keys(template.findResources('AWS::Lambda::Function')).filter(
      (id) => !deliveryIds.includes(id) && 'OUTREACH_DELIVERY' in environmentOf(id),
    );
    expect(others).toEqual([]);
  });

  it(
    EXPECTED_DELIVERY[stageName] === 'send'
      ? 'lets only the delivery functions send: SES from the stage identities, SMS through SNS'
      : 'grants no IAM identity any SES or SNS action',
    () => {
      const channelGrants = iamStatements().filter(({ statement }) =>
        actionsOf(statement).some((a) => /^(ses|sns):/i.test(a) || a === '*'),
      );
      if (EXPECTED_DELIVERY[stageName] !== 'send') {
        expect(channelGrants).toEqual([]);
        // The alarm topic's resource policy mentions sns:Publish, but only to deny it without TLS.
        for (const topicPolicy of resourcesOf('AWS::SNS::TopicPolicy')) {
          for (const statement of topicPolicy.Properties.PolicyDocument.Statement as IamStatement[]) {
            expect(statement.Effect).toBe('Deny');
          }
        }
        return;
      }
      const deliveryRoles = DELIVERY_FUNCTIONS.map(roleLogicalId);
      expect(new Set(channelGrants.flatMap(({ roles }) => roles))).toEqual(new Set(deliveryRoles));
      expect(new Set(channelGrants.flatMap(({ statement }) => actionsOf(statement)))).toEqual(
        new Set(['ses:SendEmail', 'sns:Publish']),
      );
      const sesIdentity = (name: string) => ({
        'Fn::Join': [
          '',
          [
            'arn:',
            { Ref: 'AWS::Partition' },
            ':ses:',
            { Ref: 'AWS::Region' },
            ':',
            { Ref: 'AWS::AccountId' },
            `:identity/${name}`,
          ],
        ],
      });
      const domain = stage.outreach.emailFrom.split('@')[1]!;
      for (const roleId of deliveryRoles) {
        const statements = statementsOfRole(roleId);
        expect(statements).toContainEqual({
          Effect: 'Allow',
          Action: 'ses:SendEmail',
          Resource: [sesIdentity(stage.outreach.emailFrom), sesIdentity(domain)],
        });
        expect(statements).toContainEqual({ Effect: 'Allow', Action: 'sns:Publish', Resource: '*' });
      }
    },
  );

  it('stores mandates, instalments and debit attempts in the payments table, with the sparse paymentWork index', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      TableName: `${stage.resourcePrefix}-payments`,
      KeySchema: [
        { AttributeName: 'accountId', KeyType: 'HASH' },
        { AttributeName: 'itemKey', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: Match.arrayWith([
        { AttributeName: 'workShard', AttributeType: 'S' },
        { AttributeName: 'workAt', AttributeType: 'S' },
      ]),
      GlobalSecondaryIndexes: [
        Match.objectLike({
          IndexName: 'paymentWork',
          KeySchema: [
            { AttributeName: 'workShard', KeyType: 'HASH' },
            { AttributeName: 'workAt', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        }),
      ],
    });
  });

  it('monitors instalments and sweeps debits on the stage schedules', () => {
    expect(FUNCTIONS.find((fn) => fn.id === 'monitorInstalments')?.schedules).toEqual(['instalments']);
    expect(FUNCTIONS.find((fn) => fn.id === 'sweepDebits')?.schedules).toEqual(['debits']);
    for (const [scheduleId, functionId] of [
      ['instalments', 'monitorInstalments'],
      ['debits', 'sweepDebits'],
    ] as const) {
      template.hasResourceProperties('AWS::Events::Rule', {
        Name: `${stage.resourcePrefix}-${scheduleId}-schedule`,
        ScheduleExpression: stage.schedules[scheduleId],
        EventBusName: Match.absent(),
        Targets: [
          Match.objectLike({
            Arn: getAtt(functionLogicalId(functionId)),
            DeadLetterConfig: {
              Arn: getAtt(
                onlyLogicalId('AWS::SQS::Queue', {
                  QueueName: `${stage.resourcePrefix}-${scheduleId}-schedule-dlq`,
                }),
              ),
            },
          }),
        ],
      });
    }
  });

  it('keeps debit one-off schedules in the stage debit group, run by a role only Scheduler for this account assumes', () => {
    expect(FUNCTIONS.filter((fn) => fn.runsScheduledDebits).map((fn) => fn.id)).toEqual([DEBIT_TARGET]);
    template.resourceCountIs('AWS::Scheduler::ScheduleGroup', 1);
    template.hasResource('AWS::Scheduler::ScheduleGroup', {
      Properties: Match.objectLike({ Name: debitGroupName }),
      DeletionPolicy: stage.retainData ? 'Retain' : 'Delete',
    });
    template.hasOutput('DebitScheduleGroupName', { Value: debitGroupName });

    const roleId = schedulerRoleLogicalId();
    expect(resources[roleId]!.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      {
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Principal: { Service: 'scheduler.amazonaws.com' },
        Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
      },
    ]);
    expect(resources[roleId]!.Properties.ManagedPolicyArns).toBeUndefined();
    // It may invoke the debit target and drop what still fails into its dead-letter queue: nothing else.
    const dlqId = debitDlqLogicalId();
    expect(statementsOfRole(roleId)).toEqual(
      expect.arrayContaining([
        {
          Effect: 'Allow',
          Action: 'lambda:InvokeFunction',
          Resource: getAtt(functionLogicalId(DEBIT_TARGET)),
        },
        { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: getAtt(dlqId) },
      ]),
    );
    expect(statementsOfRole(roleId)).toHaveLength(2);
    // Nothing else in the stack may invoke a function through IAM.
    const invokers = iamStatements().filter(({ statement }) =>
      actionsOf(statement).some((a) => /^lambda:(InvokeFunction|\*)$|^\*$/.test(a)),
    );
    expect(invokers.map(({ roles }) => roles)).toEqual([[roleId]]);

    template.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: `${stage.resourcePrefix}-debit-schedule-dlq`,
      SqsManagedSseEnabled: true,
    });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: dlqId }],
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      }),
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: getAtt(dlqId, 'QueueName') }],
      Threshold: stage.alarms.deadLetterThreshold,
    });
  });

  it('configures exactly the debit-scheduling functions, which may only create schedules in the group and pass its role', () => {
    expect(FUNCTIONS.filter((fn) => fn.schedulesDebits).map((fn) => fn.id)).toEqual([...DEBIT_SCHEDULERS]);
    const roleId = schedulerRoleLogicalId();
    const schedulerIds = DEBIT_SCHEDULERS.map(functionLogicalId);
    for (const id of schedulerIds) {
      expect(environmentOf(id)).toMatchObject({
        DEBIT_SCHEDULE_GROUP: debitGroupName,
        // The target by name: its own ARN attribute in executeDebit's environment would be a cycle.
        DEBIT_TARGET_ARN: stackArn('lambda', `function:${stage.resourcePrefix}-${DEBIT_TARGET}`),
        DEBIT_SCHEDULER_ROLE_ARN: getAtt(roleId),
        DEBIT_SCHEDULE_DLQ_ARN: getAtt(debitDlqLogicalId()),
      });
    }
    const configured = Object.keys(template.findResources('AWS::Lambda::Function')).filter((id) =>
      Object.keys(environmentOf(id)).some((name) => name.startsWith('DEBIT_')),
    );
    expect(new Set(configured)).toEqual(new Set(schedulerIds));

    const schedulerRoles = DEBIT_SCHEDULERS.map(roleLogicalId);
    const scheduling = iamStatements().filter(({ statement }) =>
      actionsOf(statement).some((a) => /^(scheduler|iam):|^\*$/.test(a)),
    );
    expect(new Set(scheduling.flatMap(({ roles }) => roles))).toEqual(new Set(schedulerRoles));
    for (const roleOfFunction of schedulerRoles) {
      expect(
        scheduling.filter(({ roles }) => roles.includes(roleOfFunction)).map(({ statement }) => statement),
      ).toEqual([
        {
          Effect: 'Allow',
          Action: 'scheduler:CreateSchedule',
          Resource: stackArn('scheduler', `schedule/${debitGroupName}/*`),
        },
        {
          Effect: 'Allow',
          Action: 'iam:PassRole',
          Resource: getAtt(roleId),
          Condition: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
        },
      ]);
    }
  });

  it('keeps the bank API token in an empty secret, given to exactly the functions that call the bank', () => {
    expect(FUNCTIONS.filter((fn) => fn.usesPaymentGateway).map((fn) => fn.id)).toEqual([...BANK_API_CALLERS]);
    const tokenId = bankTokenLogicalId();
    const secret = resources[tokenId]!.Properties;
    expect(secret.SecretString).toBe('{"token":""}');
    expect(secret.GenerateSecretString).toBeUndefined();

    const callerIds = BANK_API_CALLERS.map(functionLogicalId);
    for (const id of callerIds) {
      expect(environmentOf(id)).toMatchObject({
        BANK_API_SECRET_ARN: { Ref: tokenId },
        BANK_API_URL: stage.bankApi.baseUrl,
        BANK_API_TIMEOUT_MS: String(stage.bankApi.timeoutMs),
      });
    }
    const withToken = Object.keys(template.findResources('AWS::Lambda::Function')).filter(
      (id) => 'BANK_API_SECRET_ARN' in environmentOf(id),
    );
    expect(new Set(withToken)).toEqual(new Set(callerIds));

    const readers = iamStatements().filter(({ statement }) =>
      JSON.stringify(statement.Resource ?? null).includes(`"${tokenId}"`),
    );
    expect(new Set(readers.flatMap(({ roles }) => roles))).toEqual(
      new Set(BANK_API_CALLERS.map(roleLogicalId)),
    );
    for (const { statement } of readers) {
      expect(actionsOf(statement)).toEqual(expect.arrayContaining(['secretsmanager:GetSecretValue']));
      expect(actionsOf(statement).filter((a) => /^secretsmanager:(Put|Update|Delete)/.test(a))).toEqual([]);
    }
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
