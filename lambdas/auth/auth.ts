/**
 * Who is calling, and may they call this route. Every route's access is declared once, in the function
 * catalog; `httpHandler` looks its route up by API Gateway's route key and enforces it here:
 * - `public`: anyone;
 * - `customer`: a session token from identity verification (role customer, scoped to one account);
 * - `agent`: agents and supervisors; `supervisor`: supervisors only.
 *
 * Staff are signed in by Cognito in AWS: API Gateway's JWT authorizer has checked the token, and the user
 * pool groups give the role. Locally (`STAFF_AUTH=local`) staff present session tokens for the dev users,
 * signed with the same key as customer sessions; in AWS such a token is refused for a staff route.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { type Access, servedRoutes } from '../../catalog/functions';
import {
  type Role,
  type SessionClaims,
  type SessionVerification,
  Unauthenticated,
  verifyToken,
} from '../domain/auth/session-token';
import { HttpError } from '../http/http-error';

export interface Principal {
  readonly sub: string;
  readonly role: Role;
  /** Set for customers: the one account they may see. */
  readonly accountId?: string;
  /** Set for customers: how their session was verified. */
  readonly verification?: SessionVerification;
}

export interface AuthSettings {
  readonly staffAuth: 'cognito' | 'local';
  readonly signingKey: () => Promise<Buffer>;
  readonly nowSeconds: () => number;
}

const ACCESS_BY_ROUTE_KEY = new Map(
  servedRoutes().map((route) => [`${route.method} ${route.path}`, route.access]),
);

/** The catalog's access for a handler's route; a handler for a route missing from the catalog fails at load. */
export function accessOf(routeKey: string): Access {
  const access = ACCESS_BY_ROUTE_KEY.get(routeKey);
  if (!access) throw new Error(`Route ${routeKey} is not in the function catalog.`);
  return access;
}

export async function authenticate(
  event: APIGatewayProxyEventV2,
  access: Access,
  settings: AuthSettings,
): Promise<Principal | undefined> {
  if (access === 'public') return undefined;
  const principal = (await cognitoPrincipal(event)) ?? (await tokenPrincipal(event, settings));
  if (!allowed(principal, access, settings)) {
    throw new HttpError(403, 'FORBIDDEN', 'You may not use this route.');
  }
  return principal;
}

function allowed(principal: Principal & { viaToken?: boolean }, access: Access, settings: AuthSettings) {
  const staffByToken = principal.viaToken && principal.role !== 'customer' && settings.staffAuth !== 'local';
  if (staffByToken) return false;
  if (access === 'customer') return principal.role === 'customer';
  if (access === 'agent') return principal.role === 'agent' || principal.role === 'supervisor';
  return principal.role === 'supervisor';
}

/** Claims API Gateway's JWT authorizer verified (Cognito): the groups give the role. */
async function cognitoPrincipal(event: APIGatewayProxyEventV2): Promise<Principal | undefined> {
  const claims = (event.requestContext as { authorizer?: { jwt?: { claims?: Record<string, unknown> } } })
    .authorizer?.jwt?.claims;
  if (!claims) return undefined;
  const groups = String(claims['cognito:groups'] ?? '');
  const role: Role | undefined = /\bsupervisor\b/.test(groups)
    ? 'supervisor'
    : /\bagent\b/.test(groups)
      ? 'agent'
      : undefined;
  if (!role)
    throw new HttpError(403, 'FORBIDDEN', 'Your user is in neither the agent nor the supervisor group.');
  return { sub: String(claims.sub), role };
}

async function tokenPrincipal(
  event: APIGatewayProxyEventV2,
  settings: AuthSettings,
): Promise<Principal & { viaToken: true }> {
  const header = event.headers?.authorization ?? event.headers?.Authorization;
  const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
  let claims: SessionClaims;
  try {
    claims = verifyToken(await settings.signingKey(), token, settings.nowSeconds());
  } catch (error) {
    if (error instanceof Unauthenticated) throw new HttpError(401, error.code, error.message);
    throw error;
  }
  return {
    sub: claims.sub,
    role: claims.role,
    accountId: claims.accountId,
    verification: claims.verification,
    viaToken: true,
  };
}
