import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { notFound } from '../../lambdas/domain/errors';
import { httpHandler, MAX_BODY_BYTES } from '../../lambdas/http/http-handler';
import { apiEvent, lambdaContext } from '../support/events';

const stored: unknown[] = [];
const handler = httpHandler(
  {
    // A public route of the catalog: these tests are about parsing, not access.
    route: 'POST /portal/verification',
    body: z.object({ name: z.string().min(1), amountMinor: z.number().int().positive() }),
    path: z.object({ id: z.string().regex(/^T-\d+$/) }),
  },
  async ({ body, path }) => {
    if (path.id === 'T-404') throw notFound('THING_NOT_FOUND', `No thing ${path.id}.`);
    if (path.id === 'T-500') throw new Error('database exploded');
    stored.push(body);
    return { statusCode: 201, body: { id: path.id, ...body } };
  },
);

async function call(body: string | undefined, id = 'T-1', headers: Record<string, string> = {}) {
  const response = (await handler(
    apiEvent({
      routeKey: 'POST /portal/verification',
      body,
      pathParameters: { id },
      headers: { 'content-type': 'application/json', ...headers },
    }),
    lambdaContext,
  )) as APIGatewayProxyStructuredResultV2;
  return { ...response, json: JSON.parse(String(response.body)) };
}

describe('HTTP handler conventions', () => {
  it('passes validated input to the domain and returns JSON with the correlation id', async () => {
    const response = await call('{"name":"plan","amountMinor":1250}', 'T-1', {
      'X-Correlation-Id': 'corr-7',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json).toEqual({ id: 'T-1', name: 'plan', amountMinor: 1250 });
    expect(response.headers?.['x-correlation-id']).toBe('corr-7');
  });

  it('answers malformed JSON with 400 MALFORMED_JSON and writes nothing', async () => {
    const before = stored.length;
    const response = await call('{"name": "plan",');
    expect(response.statusCode).toBe(400);
    expect(response.json.error.code).toBe('MALFORMED_JSON');
    expect(stored.length).toBe(before);
  });

  it('names the failing field in a 400 VALIDATION_FAILED', async () => {
    const response = await call('{"name":"plan","amountMinor":-5}');
    expect(response.statusCode).toBe(400);
    expect(response.json.error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(response.json.error.message).toMatch(/^body\.amountMinor: /);
    const badPath = await call('{"name":"plan","amountMinor":5}', 'nope');
    expect(badPath.json.error.message).toMatch(/^path\.id: /);
  });

  it('refuses an oversize body with 413 before parsing it', async () => {
    const response = await call(JSON.stringify({ name: 'x'.repeat(MAX_BODY_BYTES), amountMinor: 1 }));
    expect(response.statusCode).toBe(413);
    expect(response.json.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a body that is not JSON with 415', async () => {
    const response = await call('name=plan', 'T-1', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(response.statusCode).toBe(415);
    expect(response.json.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('maps domain not-found to 404 with its code', async () => {
    const response = await call('{"name":"plan","amountMinor":5}', 'T-404');
    expect(response.statusCode).toBe(404);
    expect(response.json.error).toEqual({ code: 'THING_NOT_FOUND', message: 'No thing T-404.' });
  });

  it('hides unexpected failures behind a 500 that leaks no internals', async () => {
    const response = await call('{"name":"plan","amountMinor":5}', 'T-500');
    expect(response.statusCode).toBe(500);
    expect(response.json.error.code).toBe('INTERNAL_ERROR');
    expect(JSON.stringify(response.json)).not.toContain('exploded');
  });
});
