/**
 * Staff see personal data masked; revealing a field is an audited action with a reason, written before the
 * value is shown, which supervisors review across accounts. Handlers as deployed, on DynamoDB Local.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoAuditLog } from '../../lambdas/adapters/dynamodb/audit-log';
import { maskEmail, maskPhone } from '../../lambdas/domain/accounts/personal-data';
import { issueToken, type Role } from '../../lambdas/domain/auth/session-token';
import { tableNameEnvironment } from '../../local/tables';
import { anAccount } from '../support/accounts';
import { freshTables, localCredentials } from '../support/dynamodb';
import { apiEvent, lambdaContext } from '../support/events';

const KEY = Buffer.alloc(32, 9);
type Handler = (event: APIGatewayProxyEventV2, context: typeof lambdaContext) => Promise<unknown>;
let tables: Awaited<ReturnType<typeof freshTables>>;
let getAccount: Handler;
let personalData: Handler;

const ACCOUNT = anAccount({ accountId: 'ACC-PII-000001' });

beforeAll(async () => {
  tables = await freshTables();
  Object.assign(process.env, tableNameEnvironment(tables.names), {
    AWS_ENDPOINT_URL_DYNAMODB: tables.endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
    STAFF_AUTH: 'local',
    SESSION_SIGNING_KEY: KEY.toString('base64'),
  });
  getAccount = (await import('../../lambdas/handlers/http/get-account')).handler as Handler;
  personalData = (await import('../../lambdas/handlers/http/personal-data')).handler as Handler;
  await tables.db.send(new PutCommand({ TableName: tables.names.accounts, Item: ACCOUNT }));
});

const tokenFor = (role: Role, sub: string) => {
  const now = Math.floor(Date.now() / 1000);
  return issueToken(KEY, {
    sub,
    role,
    ...(role === 'customer' ? { accountId: sub } : {}),
    iat: now - 5,
    exp: now + 600,
  });
};

async function call(
  handler: Handler,
  routeKey: string,
  options: {
    as?: [Role, string];
    path?: Record<string, string>;
    body?: unknown;
    query?: Record<string, string>;
  },
) {
  const response = (await handler(
    apiEvent({
      routeKey,
      headers: {
        'content-type': 'application/json',
        ...(options.as ? { authorization: `Bearer ${tokenFor(...options.as)}` } : {}),
      },
      pathParameters: options.path,
      queryStringParameters: options.query,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    }),
    lambdaContext,
  )) as APIGatewayProxyStructuredResultV2;
  return { status: response.statusCode, body: response.body ? JSON.parse(String(response.body)) : undefined };
}

const reveal = (as: [Role, string], body: unknown, accountId = ACCOUNT.accountId) =>
  call(personalData, 'POST /accounts/{accountId}/personal-data/reveal', { as, path: { accountId }, body });
const auditOf = (accountId: string) => new DynamoAuditLog(tables.db, tables.names.audit).list(accountId);

describe('personal data for staff', () => {
  it('masks: date of birth as the year, phone and e-mail partly; nothing in full anywhere in the view', async () => {
    const view = await call(getAccount, 'GET /accounts/{accountId}', {
      as: ['agent', 'alice'],
      path: { accountId: ACCOUNT.accountId },
    });
    expect(view.status).toBe(200);
    const { customer } = ACCOUNT;
    expect(view.body.customer).toMatchObject({
      name: customer.name,
      birthYear: Number(customer.dateOfBirth.slice(0, 4)),
      phone: maskPhone(customer.phone),
      email: maskEmail(customer.email),
      masked: ['dateOfBirth', 'phone', 'email'],
    });
    const text = JSON.stringify(view.body);
    for (const secret of [
      customer.dateOfBirth,
      customer.phone,
      customer.email,
      customer.phone.replace(/\D/g, ''),
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('reveals a field for a reason, audited before the value is shown', async () => {
    const before = (await auditOf(ACCOUNT.accountId)).length;
    const response = await reveal(['agent', 'alice'], {
      field: 'dateOfBirth',
      reason: 'Confirming identity on a call',
    });
    expect(response).toMatchObject({
      status: 200,
      body: { field: 'dateOfBirth', value: ACCOUNT.customer.dateOfBirth, revealedAt: expect.any(String) },
    });
    const trail = await auditOf(ACCOUNT.accountId);
    expect(trail).toHaveLength(before + 1);
    expect(trail.at(-1)).toMatchObject({
      kind: 'PersonalDataRevealed',
      review: 'personal_data_reveal',
      data: { field: 'dateOfBirth', by: 'alice', role: 'agent', reason: 'Confirming identity on a call' },
    });
    // The trail records that it was revealed, not what.
    expect(JSON.stringify(trail.at(-1))).not.toContain(ACCOUNT.customer.dateOfBirth);
  });

  it('supervisors review every reveal across accounts, newest first; agents may not', async () => {
    const other = anAccount({ accountId: 'ACC-PII-000002' });
    await tables.db.send(new PutCommand({ TableName: tables.names.accounts, Item: other }));
    await reveal(['agent', 'ben'], { field: 'phone', reason: 'Calling the customer' }, other.accountId);
    await reveal(['supervisor', 'sam'], { field: 'email', reason: 'Compliance review' });
    const listed = await call(personalData, 'GET /personal-data-reveals', { as: ['supervisor', 'sam'] });
    expect(listed.status).toBe(200);
    expect(listed.body.reveals.slice(0, 2)).toEqual([
      {
        accountId: ACCOUNT.accountId,
        at: expect.any(String),
        field: 'email',
        by: 'sam',
        role: 'supervisor',
        reason: 'Compliance review',
      },
      expect.objectContaining({ accountId: other.accountId, field: 'phone', by: 'ben', role: 'agent' }),
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(other.customer.phone);
    const asAgent = await call(personalData, 'GET /personal-data-reveals', { as: ['agent', 'alice'] });
    expect(asAgent).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
  });

  it('refuses without a reason, for an unknown field or account, or for a customer, writing nothing', async () => {
    const before = (await auditOf(ACCOUNT.accountId)).length;
    const cases: Array<[unknown, number, string, string?]> = [
      [{ field: 'dateOfBirth' }, 400, 'VALIDATION_FAILED'],
      [{ field: 'dateOfBirth', reason: '   ok  ' }, 400, 'VALIDATION_FAILED'],
      [{ field: 'ssn', reason: 'Calling the customer' }, 400, 'VALIDATION_FAILED'],
      [{ field: 'phone', reason: 'Calling the customer', extra: 1 }, 400, 'VALIDATION_FAILED'],
      [{ field: 'phone', reason: 'Calling the customer' }, 404, 'ACCOUNT_NOT_FOUND', 'ACC-NOBODY'],
      [{ field: 'phone', reason: 'Calling the customer' }, 404, 'ACCOUNT_NOT_FOUND', 'NULL'],
    ];
    for (const [body, status, code, accountId] of cases) {
      const response = await reveal(['agent', 'alice'], body, accountId);
      expect(response, JSON.stringify(body)).toMatchObject({ status, body: { error: { code } } });
    }
    const asCustomer = await reveal(['customer', ACCOUNT.accountId], {
      field: 'phone',
      reason: 'my own phone',
    });
    expect(asCustomer.status).toBe(403);
    expect(await auditOf(ACCOUNT.accountId)).toHaveLength(before);
    expect(await auditOf('ACC-NOBODY')).toEqual([]);
  });
});
