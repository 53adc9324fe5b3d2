/**
 * The authorisation matrix every HTTP handler enforces from the catalog's route access: who gets 401, who
 * gets 403, who gets through, with session tokens (customers; staff locally) and Cognito claims (staff in AWS).
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { issueToken, type Role } from '../../lambdas/domain/auth/session-token';
import { httpHandler } from '../../lambdas/http/http-handler';
import { apiEvent, lambdaContext } from '../support/events';

const KEY = Buffer.alloc(32, 9);
const NOW = Math.floor(Date.now() / 1000);

afterEach(() => {
  vi.unstubAllEnvs();
});

function handlerWith(staffAuth: 'local' | 'cognito', route: string) {
  vi.stubEnv('SESSION_SIGNING_KEY', KEY.toString('base64'));
  vi.stubEnv('STAFF_AUTH', staffAuth);
  return httpHandler({ route }, async ({ principal }) => ({ body: { principal } }));
}

const token = (role: Role, overrides: { exp?: number; key?: Buffer } = {}) =>
  issueToken(overrides.key ?? KEY, {
    sub: role === 'customer' ? 'ACC-000001' : `${role}-1`,
    role,
    ...(role === 'customer' ? { accountId: 'ACC-000001' } : {}),
    iat: NOW - 10,
    exp: overrides.exp ?? NOW + 600,
  });

async function call(
  handler: ReturnType<typeof handlerWith>,
  routeKey: string,
  auth?: { bearer?: string; cognitoGroups?: string },
) {
  const event: APIGatewayProxyEventV2 = apiEvent({
    routeKey,
    headers: auth?.bearer ? { authorization: `Bearer ${auth.bearer}` } : {},
  });
  if (auth?.cognitoGroups !== undefined) {
    (event.requestContext as unknown as Record<string, unknown>).authorizer = {
      jwt: { claims: { sub: 'cognito-user', 'cognito:groups': auth.cognitoGroups }, scopes: null },
    };
  }
  const response = (await handler(event, lambdaContext)) as APIGatewayProxyStructuredResultV2;
  return { status: response.statusCode, body: JSON.parse(String(response.body)) };
}

const PUBLIC = 'GET /health';
const CUSTOMER = 'GET /portal/account';
const AGENT = 'GET /accounts/{accountId}';
const SUPERVISOR = 'POST /scoring-runs';

describe('route access from the catalog (local staff tokens)', () => {
  const cases: Array<[string, string, Role | undefined, number]> = [
    ['public, anonymous', PUBLIC, undefined, 200],
    ['customer route, anonymous', CUSTOMER, undefined, 401],
    ['customer route, customer', CUSTOMER, 'customer', 200],
    ['customer route, agent', CUSTOMER, 'agent', 403],
    ['agent route, anonymous', AGENT, undefined, 401],
    ['agent route, customer', AGENT, 'customer', 403],
    ['agent route, agent', AGENT, 'agent', 200],
    ['agent route, supervisor', AGENT, 'supervisor', 200],
    ['supervisor route, agent', SUPERVISOR, 'agent', 403],
    ['supervisor route, supervisor', SUPERVISOR, 'supervisor', 200],
  ];
  it.each(cases)('%s → %i', async (_name, routeKey, role, status) => {
    const handler = handlerWith('local', routeKey);
    expect((await call(handler, routeKey, role ? { bearer: token(role) } : undefined)).status).toBe(status);
  });

  it('gives the customer principal its one account', async () => {
    const response = await call(handlerWith('local', CUSTOMER), CUSTOMER, { bearer: token('customer') });
    expect(response.body.principal).toEqual({
      sub: 'ACC-000001',
      role: 'customer',
      accountId: 'ACC-000001',
      viaToken: true,
    });
  });

  it('answers expired, forged and malformed tokens with 401 and a code', async () => {
    const handler = handlerWith('local', CUSTOMER);
    const expired = await call(handler, CUSTOMER, { bearer: token('customer', { exp: NOW - 1 }) });
    const forged = await call(handler, CUSTOMER, { bearer: token('customer', { key: Buffer.alloc(32, 1) }) });
    const garbage = await call(handler, CUSTOMER, { bearer: 'garbage' });
    expect([expired, forged, garbage].map((r) => [r.status, r.body.error.code])).toEqual([
      [401, 'TOKEN_EXPIRED'],
      [401, 'TOKEN_INVALID'],
      [401, 'TOKEN_INVALID'],
    ]);
  });

  it('refuses to build a handler for a route that is not in the catalog, and to serve another route', async () => {
    expect(() => handlerWith('local', 'GET /secret-admin')).toThrow(/not in the function catalog/);
    const response = await call(handlerWith('local', AGENT), SUPERVISOR, { bearer: token('supervisor') });
    expect([response.status, response.body.error.code]).toEqual([500, 'ROUTE_MISMATCH']);
  });
});

describe('route access in AWS (Cognito for staff)', () => {
  it('takes the role from the user pool groups', async () => {
    const agentRoute = handlerWith('cognito', AGENT);
    const supervisorRoute = handlerWith('cognito', SUPERVISOR);
    expect((await call(agentRoute, AGENT, { cognitoGroups: 'agent' })).status).toBe(200);
    expect((await call(supervisorRoute, SUPERVISOR, { cognitoGroups: 'agent' })).status).toBe(403);
    expect((await call(supervisorRoute, SUPERVISOR, { cognitoGroups: '[agent supervisor]' })).status).toBe(
      200,
    );
    expect((await call(agentRoute, AGENT, { cognitoGroups: '' })).status).toBe(403);
  });

  it('refuses staff session tokens: only the user pool signs staff in', async () => {
    expect((await call(handlerWith('cognito', AGENT), AGENT, { bearer: token('agent') })).status).toBe(403);
    expect(
      (await call(handlerWith('cognito', CUSTOMER), CUSTOMER, { bearer: token('customer') })).status,
    ).toBe(200);
  });
});
