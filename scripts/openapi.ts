/** `npm run openapi`: writes docs/openapi.json from the catalog and the handlers' request schemas. */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOpenApi } from './lib/openapi';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const document = await buildOpenApi(projectRoot);
const target = path.join(projectRoot, 'docs', 'openapi.json');
writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
console.log(`wrote ${path.relative(projectRoot, target)}: ${Object.keys(document.paths).length} paths`);
