import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRoutes } from '../../catalog/functions';
import { buildOpenApi } from '../../scripts/lib/openapi';

const projectRoot = path.resolve(import.meta.dirname, '../..');

describe('OpenAPI document', () => {
  it('describes every catalog route with its security and the request schema its handler validates', async () => {
    const document = await buildOpenApi(projectRoot);
    for (const route of allRoutes()) {
      const operation = document.paths[route.path]?.[route.method.toLowerCase()] as {
        security: object[];
        requestBody?: { content: { 'application/json': { schema: { properties?: object } } } };
      };
      expect(operation, `${route.method} ${route.path}`).toBeDefined();
      expect(operation.security).toEqual(
        route.access === 'public'
          ? []
          : [route.access === 'customer' ? { customerSession: [] } : { staffSignIn: [] }],
      );
    }
    const send = document.paths['/portal/conversations/{conversationId}/messages']!.post as {
      requestBody: { content: { 'application/json': { schema: { required: string[] } } } };
    };
    expect(send.requestBody.content['application/json'].schema.required).toEqual(['clientMessageId', 'text']);
  });

  it('is committed as generated (npm run openapi)', async () => {
    const committed = JSON.parse(readFileSync(path.join(projectRoot, 'docs', 'openapi.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(await buildOpenApi(projectRoot))));
  });
});
