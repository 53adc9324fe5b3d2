/** `npm run web-types`: writes the pages' API types and domain lists from docs/openapi.json (scripts/lib/web-types.ts). */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_TYPES_FILE, buildApiTypes, buildTaxonomy, TAXONOMY_FILE } from './lib/web-types';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
writeFileSync(path.join(projectRoot, API_TYPES_FILE), await buildApiTypes(projectRoot));
writeFileSync(path.join(projectRoot, TAXONOMY_FILE), buildTaxonomy(projectRoot));
console.log(`wrote ${API_TYPES_FILE} and ${TAXONOMY_FILE} from docs/openapi.json`);
