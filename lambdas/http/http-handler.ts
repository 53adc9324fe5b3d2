import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from '../../contracts/schema';
import { accessOf, authenticate, type Principal } from '../auth/auth';
import { authSettingsFromEnvironment } from '../auth/auth-settings';
import { DomainError } from '../domain/errors';
import { logger } from '../runtime/logger';
import { HttpError } from './http-error';

/** Larger bodies are refused before parsing: nothing the API accepts is anywhere near this. */
export const MAX_BODY_BYTES = 64 * 1024;
export const CORRELATION_HEADER = 'x-correlation-id';

export { HttpError };

const STATUS_BY_DOMAIN_KIND: Record<DomainError['kind'], number> = {
  not_found: 404,
  invalid: 400,
  conflict: 409,
  forbidden: 403,
  too_many_requests: 429,
};

type Request = middy.Request<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, Context>;

/** Every answer: JSON that is never sniffed as something else, never cached (it holds personal data). */
export const jsonResponse = (
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: {
    'content-type': 'application/json; charset=utf-8',
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    ...headers,
  },
  body: JSON.stringify(body),
});

const errorResponse = (
  statusCode: number,
  code: string,
  message: string,
  details?: Readonly<Record<string, unknown>>,
) => {
  const retryAfter = details?.retryAfterSeconds;
  return jsonResponse(
    statusCode,
    { error: { ...details, code, message } },
    typeof retryAfter === 'number' ? { 'retry-after': String(retryAfter) } : undefined,
  );
};

/** middy's JSON parser reports a malformed body as 415 with the parse failure as its cause. */
function isMalformedJson(error: Error & { statusCode?: number; cause?: unknown }) {
  return error.statusCode === 415 && (error.cause as { message?: string } | undefined)?.message !== undefined;
}

function toErrorResponse(error: Error & { statusCode?: number }): APIGatewayProxyStructuredResultV2 {
  if (error instanceof HttpError) return errorResponse(error.statusCode, error.code, error.message);
  if (error instanceof DomainError)
    return errorResponse(STATUS_BY_DOMAIN_KIND[error.kind], error.code, error.message, error.details);
  if (isMalformedJson(error))
    return errorResponse(400, 'MALFORMED_JSON', 'The request body is not valid JSON.');
  if (error.statusCode === 415) {
    return errorResponse(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request body as application/json.');
  }
  logger.error('Unhandled error', error);
  return errorResponse(500, 'INTERNAL_ERROR', 'Something went wrong on our side; it has been logged.');
}

/** Correlation id from the caller (or API Gateway's request id) on every log line and echoed back. */
const correlation = (): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> => {
  const attach = async (request: Request) => {
    if (!request.response) return;
    request.response.headers = {
      ...request.response.headers,
      [CORRELATION_HEADER]: String(logger.getCorrelationId()),
    };
  };
  return {
    before: async (request) => {
      const { headers, requestContext } = request.event;
      // Runs before header normalisation (so error responses get the header too): match the name in any case.
      const fromCaller = Object.entries(headers ?? {}).find(
        ([name]) => name.toLowerCase() === CORRELATION_HEADER,
      )?.[1];
      logger.setCorrelationId(fromCaller ?? requestContext?.requestId);
    },
    after: attach,
    onError: attach,
  };
};

const errorMapping = (): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> => ({
  onError: async (request) => {
    request.response = toErrorResponse(request.error as Error & { statusCode?: number });
  },
});

const bodySizeLimit = (
  maxBytes: number,
): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> => ({
  before: async ({ event }) => {
    if (!event.body) return;
    const bytes = event.isBase64Encoded
      ? Buffer.from(event.body, 'base64').length
      : Buffer.byteLength(event.body);
    if (bytes > maxBytes) {
      throw new HttpError(
        413,
        'PAYLOAD_TOO_LARGE',
        `The request body is ${bytes} bytes; the limit is ${maxBytes}.`,
      );
    }
  },
});

function describeIssue(part: string, issue: z.core.$ZodIssue): string {
  const field = [part, ...issue.path.map(String)].join('.');
  return `${field}: ${issue.message}`;
}

function validate<S extends z.ZodMiniType>(part: string, schema: S | undefined, value: unknown): z.infer<S> {
  if (!schema) return value as z.infer<S>;
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  throw new HttpError(400, 'VALIDATION_FAILED', first ? describeIssue(part, first) : `${part} is invalid`);
}

export interface HttpInput<Body, Path, Query> {
  readonly body: Body;
  readonly path: Path;
  readonly query: Query;
  readonly event: APIGatewayProxyEventV2;
  /** The caller, on every route but public ones. */
  readonly principal: Principal | undefined;
}

/** Each route's request schemas, as its handler declared them: the OpenAPI document is built from these. */
export const DECLARED_ROUTES = new Map<
  string,
  { body?: z.ZodMiniType; path?: z.ZodMiniType; query?: z.ZodMiniType }
>();

/**
 * The route a request is for, as the handlers declare it: API Gateway sends HEAD with its own route key
 * (`HEAD /health`), answered by the GET route's handler.
 */
export const routeKeyOf = (event: Pick<APIGatewayProxyEventV2, 'routeKey'>): string =>
  event.routeKey.startsWith('HEAD ') ? `GET ${event.routeKey.slice('HEAD '.length)}` : event.routeKey;

type LambdaHttpHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

/** One Lambda serving several routes: each request goes to its route's handler (HEAD to the GET one). */
export const byRoute =
  (routes: Record<string, LambdaHttpHandler>): LambdaHttpHandler =>
  (event, context) => {
    const handler = routes[routeKeyOf(event)];
    if (!handler) {
      return Promise.resolve(
        jsonResponse(500, {
          error: { code: 'ROUTE_MISMATCH', message: `This function does not serve ${event.routeKey}.` },
        }),
      );
    }
    return handler(event, context);
  };

export interface HttpResult {
  readonly statusCode?: number;
  readonly body: unknown;
}

/**
 * The one way to write an HTTP handler: declare schemas for what the route accepts and a function from
 * validated input to a result. Authentication and the route's access (from the catalog), parsing, size
 * limits, validation, error bodies `{error: {code, message}}` and correlated structured logs are handled here.
 */
export function httpHandler<
  BodySchema extends z.ZodMiniType | undefined = undefined,
  PathSchema extends z.ZodMiniType | undefined = undefined,
  QuerySchema extends z.ZodMiniType | undefined = undefined,
>(
  schemas: { route: string; body?: BodySchema; path?: PathSchema; query?: QuerySchema },
  run: (
    input: HttpInput<
      BodySchema extends z.ZodMiniType ? z.infer<BodySchema> : undefined,
      PathSchema extends z.ZodMiniType ? z.infer<PathSchema> : Record<string, string>,
      QuerySchema extends z.ZodMiniType ? z.infer<QuerySchema> : Record<string, string>
    >,
  ) => Promise<HttpResult>,
) {
  const chain = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
    // Request bodies carry security codes, dates of birth and bank accounts: never logged, whatever
    // POWERTOOLS_LOGGER_LOG_EVENT says.
    .use(injectLambdaContext(logger, { resetKeys: true, logEvent: false }))
    .use(correlation())
    .use(errorMapping())
    .use(httpHeaderNormalizer())
    .use(bodySizeLimit(MAX_BODY_BYTES));
  if (schemas.body) chain.use(httpJsonBodyParser());
  const auth = authSettingsFromEnvironment();
  const access = accessOf(schemas.route);
  DECLARED_ROUTES.set(schemas.route, { body: schemas.body, path: schemas.path, query: schemas.query });
  return chain.handler(async (event) => {
    if (routeKeyOf(event) !== schemas.route) {
      throw new HttpError(
        500,
        'ROUTE_MISMATCH',
        `This handler serves ${schemas.route}, not ${event.routeKey}.`,
      );
    }
    const principal = await authenticate(event, access, auth);
    const input = {
      principal,
      body: validate('body', schemas.body, event.body),
      path: validate('path', schemas.path, event.pathParameters),
      query: validate('query', schemas.query, event.queryStringParameters),
      event,
    };
    const result = await run(input as Parameters<typeof run>[0]);
    const response = jsonResponse(result.statusCode ?? 200, result.body);
    // HEAD: the GET's status and headers, no body.
    return event.routeKey.startsWith('HEAD ') ? { ...response, body: '' } : response;
  });
}
