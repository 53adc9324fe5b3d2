/**
 * The HTTP API as API Gateway v2 presents it to Lambda: route selection over the catalog's routes, the
 * payload-format-2.0 event, and the translation of a handler's result back to an HTTP response.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { type HttpRoute, servedRoutes } from '../catalog/functions';

/** API Gateway's own limit on an HTTP API request body. */
export const API_GATEWAY_MAX_BODY_BYTES = 10 * 1024 * 1024;

interface CompiledRoute extends HttpRoute {
  readonly functionId: string;
  readonly pattern: RegExp;
  readonly parameterNames: string[];
  /** Literal segments outrank parameters, as in API Gateway's route selection. */
  readonly literalSegments: number;
}

export interface RouteMatch {
  readonly route: CompiledRoute;
  readonly pathParameters: Record<string, string>;
}

function compile(route: HttpRoute & { functionId: string }): CompiledRoute {
  const segments = route.path.split('/').filter(Boolean);
  const parameterNames: string[] = [];
  const source = segments
    .map((segment) => {
      const parameter = /^\{(\w+)\}$/.exec(segment);
      if (!parameter) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      parameterNames.push(parameter[1]!);
      return '([^/]+)';
    })
    .join('/');
  return {
    ...route,
    pattern: new RegExp(`^/${source}/?$`),
    parameterNames,
    literalSegments: segments.length - parameterNames.length,
  };
}

const ROUTES = servedRoutes()
  .map(compile)
  .sort((a, b) => b.literalSegments - a.literalSegments);

export function matchRoute(method: string, path: string): RouteMatch | undefined {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(path);
    if (!match) continue;
    const pathParameters = Object.fromEntries(
      route.parameterNames.map((name, index) => [name, decodeURIComponent(match[index + 1]!)]),
    );
    return { route, pathParameters };
  }
  return undefined;
}

const isTextual = (contentType: string | undefined) =>
  !contentType ||
  /^(text\/|application\/(json|x-www-form-urlencoded|xml|javascript)|[^;]*\+json)/.test(contentType);

export function toApiGatewayEvent(request: {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: Buffer;
  sourceIp: string;
  match: RouteMatch;
}): APIGatewayProxyEventV2 {
  const { method, url, body, match } = request;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined && name !== 'cookie')
      headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams)
    query[name] = name in query ? `${query[name]},${value}` : value;
  const routeKey = `${match.route.method} ${match.route.path}`;
  const now = new Date();
  const textual = isTextual(headers['content-type']);
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    cookies: request.headers.cookie?.split(';').map((c) => c.trim()),
    headers,
    queryStringParameters: url.search ? query : undefined,
    pathParameters: match.route.parameterNames.length ? match.pathParameters : undefined,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method,
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
    body: body.length ? (textual ? body.toString('utf8') : body.toString('base64')) : undefined,
    isBase64Encoded: body.length > 0 && !textual,
  };
}

export interface HttpResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

/** Payload format 2.0: a result without `statusCode` is JSON to return with 200. */
export function fromApiGatewayResult(result: APIGatewayProxyResultV2 | undefined): HttpResponse {
  if (result === undefined || typeof result !== 'object' || !('statusCode' in result)) {
    const body = typeof result === 'string' ? result : JSON.stringify(result ?? null);
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(body) };
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(result.headers ?? {}))
    headers[name.toLowerCase()] = String(value);
  if (result.cookies?.length) headers['set-cookie'] = result.cookies.join(', ');
  const raw = result.body ?? '';
  return {
    statusCode: result.statusCode ?? 200,
    headers,
    body: result.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw),
  };
}
