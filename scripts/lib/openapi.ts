/**
 * The OpenAPI 3.1 document of the HTTP API, built from the two sources of truth: the function catalog (routes,
 * access, descriptions) and the request schemas each handler declares to `httpHandler`. Handlers are imported
 * with placeholder configuration: building a handler reads its config but contacts nothing.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Access, allRoutes, FUNCTIONS } from '../../catalog/functions';
import { TABLES } from '../../catalog/tables';
import * as z from '../../contracts/schema';

const PLACEHOLDER_CONFIG: Record<string, string> = {
  STAGE: 'dev',
  EVENT_BUS_NAME: 'openapi',
  LLM_MODEL: 'openapi',
  OUTREACH_DELIVERY: 'store_only',
  OUTREACH_EMAIL_FROM: 'openapi@example.com',
  SCORING_SEGMENTS: '1',
  SCORING_PAGE_SIZE: '1',
  AWS_REGION: 'us-east-1',
  DEBIT_SCHEDULE_GROUP: 'openapi',
  DEBIT_TARGET_ARN: 'arn:aws:lambda:us-east-1:000000000000:function:openapi',
  DEBIT_SCHEDULER_ROLE_ARN: 'arn:aws:iam::000000000000:role/openapi',
  ...Object.fromEntries(Object.values(TABLES).map((table) => [table.envVar, `openapi-${table.id}`])),
};

const SECURITY: Record<Access, object[]> = {
  public: [],
  customer: [{ customerSession: [] }],
  agent: [{ staffSignIn: [] }],
  supervisor: [{ staffSignIn: [] }],
};

const jsonSchema = (schema: z.ZodMiniType) => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return rest;
};

export async function buildOpenApi(projectRoot: string) {
  for (const [name, value] of Object.entries(PLACEHOLDER_CONFIG)) process.env[name] ??= value;
  const { DECLARED_ROUTES } = await import('../../lambdas/http/http-handler');
  for (const fn of FUNCTIONS.filter((candidate) => candidate.routes?.length)) {
    await import(pathToFileURL(path.join(projectRoot, fn.entry)).href);
  }
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of allRoutes()) {
    const routeKey = `${route.method} ${route.path}`;
    const declared = DECLARED_ROUTES.get(routeKey);
    if (!declared) throw new Error(`No handler declares ${routeKey}.`);
    const fn = FUNCTIONS.find((candidate) => candidate.id === route.functionId)!;
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = {
      operationId: `${route.functionId}${route.method}`,
      summary: fn.description,
      tags: [route.access],
      security: SECURITY[route.access],
      parameters: [
        ...parametersOf(declared.path, 'path', route.path),
        ...parametersOf(declared.query, 'query', route.path),
      ],
      ...(declared.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(declared.body) } },
            },
          }
        : {}),
      responses: {
        '2XX': { description: 'Success: the resource as JSON.' },
        ...errorResponses(route.access, Boolean(declared.body), route.path),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Collections assistant API',
      version: '1',
      description:
        'Repayment portal (customers, after identity verification) and agent console (agents and supervisors). Errors are `{"error": {"code", "message"}}`. Every GET route also answers HEAD (same status and headers, no body).',
    },
    components: {
      securitySchemes: {
        customerSession: {
          type: 'http',
          scheme: 'bearer',
          description:
            'Session token from POST /portal/verification/confirm; opens the one account it names.',
        },
        staffSignIn: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'Cognito ID token of a user in the agent or supervisor group (locally: POST /_local/login).',
        },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string' },
                message: { type: 'string' },
                retryAfterSeconds: { type: 'integer', description: 'With 429: when to ask again.' },
              },
            },
          },
        },
      },
    },
    paths,
  };
}

function parametersOf(schema: z.ZodMiniType | undefined, location: 'path' | 'query', routePath: string) {
  const names = location === 'path' ? [...routePath.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!) : [];
  const properties = schema
    ? ((jsonSchema(schema).properties ?? {}) as Record<string, object>)
    : Object.fromEntries(names.map((name) => [name, { type: 'string' }]));
  const required = new Set(
    location === 'path'
      ? names
      : (((schema ? jsonSchema(schema).required : []) as string[] | undefined) ?? []),
  );
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: location,
    required: required.has(name),
    schema: property,
  }));
}

function errorResponses(access: Access, hasBody: boolean, routePath: string) {
  const error = (description: string) => ({
    description,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  });
  return {
    '400': error(
      'Invalid input: VALIDATION_FAILED names the field; MALFORMED_JSON; MALFORMED_PATH (broken percent-encoding); or a domain rule.',
    ),
    ...(access === 'public' ? {} : { '401': error('TOKEN_MISSING, TOKEN_INVALID or TOKEN_EXPIRED.') }),
    ...(access === 'public' ? {} : { '403': error('FORBIDDEN: the route is not for this role.') }),
    '404': error('Not found (also what a customer gets for anything that is not theirs).'),
    '409': error('Conflict with the current state.'),
    ...(hasBody ? { '413': error('PAYLOAD_TOO_LARGE: bodies are limited to 64 KB.') } : {}),
    ...(hasBody ? { '415': error('UNSUPPORTED_MEDIA_TYPE: send application/json.') } : {}),
    ...(routePath.startsWith('/portal/verification')
      ? {
          '429': error(
            'VERIFICATION_THROTTLED (too many failed attempts from this network), CODE_RECENTLY_SENT or TOO_MANY_CODES; `retryAfterSeconds` in the body and the Retry-After header say when to ask again.',
          ),
        }
      : {}),
  };
}
