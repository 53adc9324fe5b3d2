import { describe, expect, it } from 'vitest';
import { fromApiGatewayResult, matchRoute, toApiGatewayEvent } from '../../local/api-gateway';

describe('local route selection', () => {
  it('finds catalog routes and extracts decoded path parameters', () => {
    const match = matchRoute('GET', '/accounts/ACC-000042');
    expect(match?.route.functionId).toBe('getAccount');
    expect(match?.pathParameters).toEqual({ accountId: 'ACC-000042' });
    expect(matchRoute('GET', '/accounts/a%20b')?.pathParameters).toEqual({ accountId: 'a b' });
    expect(matchRoute('GET', '/health')?.route.functionId).toBe('health');
  });

  it('matches neither another method nor a deeper path', () => {
    expect(matchRoute('POST', '/health')).toBeUndefined();
    expect(matchRoute('GET', '/accounts/ACC-1/extra')).toBeUndefined();
    expect(matchRoute('GET', '/accounts')).toBeUndefined();
  });
});

describe('payload format 2.0', () => {
  const match = matchRoute('GET', '/accounts/ACC-000042')!;

  it('builds the event API Gateway would send', () => {
    const event = toApiGatewayEvent({
      method: 'GET',
      url: new URL('http://localhost/accounts/ACC-000042?tag=a&tag=b&x=1'),
      headers: { host: 'localhost:3000', 'x-correlation-id': 'c-1', cookie: 'a=1; b=2' },
      body: Buffer.alloc(0),
      sourceIp: '127.0.0.1',
      match,
    });
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'GET /accounts/{accountId}',
      rawPath: '/accounts/ACC-000042',
      rawQueryString: 'tag=a&tag=b&x=1',
      queryStringParameters: { tag: 'a,b', x: '1' },
      pathParameters: { accountId: 'ACC-000042' },
      cookies: ['a=1', 'b=2'],
      headers: { 'x-correlation-id': 'c-1' },
      isBase64Encoded: false,
      requestContext: { http: { method: 'GET', path: '/accounts/ACC-000042' }, stage: '$default' },
    });
    expect(event.body).toBeUndefined();
  });

  it('base64-encodes binary bodies and keeps JSON as text', () => {
    const base = { method: 'POST', url: new URL('http://localhost/x'), sourceIp: '::1', match };
    const asJson = toApiGatewayEvent({
      ...base,
      headers: { 'content-type': 'application/json' },
      body: Buffer.from('{"a":1}'),
    });
    expect(asJson).toMatchObject({ body: '{"a":1}', isBase64Encoded: false });
    const binary = toApiGatewayEvent({
      ...base,
      headers: { 'content-type': 'image/png' },
      body: Buffer.from([1, 2, 3]),
    });
    expect(binary).toMatchObject({ body: 'AQID', isBase64Encoded: true });
  });

  it('treats a result without statusCode as a 200 JSON body', () => {
    const inferred = fromApiGatewayResult({ ok: true } as never);
    expect(inferred.statusCode).toBe(200);
    expect(JSON.parse(inferred.body.toString())).toEqual({ ok: true });
    const structured = fromApiGatewayResult({
      statusCode: 404,
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(structured).toMatchObject({ statusCode: 404, headers: { 'content-type': 'application/json' } });
  });
});
