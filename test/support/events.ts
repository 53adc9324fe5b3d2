import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { lambdaContext as localLambdaContext } from '../../local/lambda-invoker';

/** A payload-format-2.0 event as API Gateway sends it, for calling handlers directly. */
export function apiEvent(overrides: Partial<APIGatewayProxyEventV2> = {}): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: 'POST /things',
    rawPath: '/things',
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    requestContext: {
      accountId: '000000000000',
      apiId: 'test',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: 'POST',
        path: '/things',
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'test',
      },
      requestId: 'req-1',
      routeKey: 'POST /things',
      stage: '$default',
      time: '23/Nov/2026:20:00:00 +0000',
      timeEpoch: 0,
    },
    isBase64Encoded: false,
    ...overrides,
  };
}

export const lambdaContext = localLambdaContext('test');
