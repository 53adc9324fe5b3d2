import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, buildApiTypes, buildTaxonomy, TAXONOMY_FILE } from '../../scripts/lib/web-types';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const committed = (file: string) => readFileSync(path.join(projectRoot, file), 'utf8');

function webScripts(dir = path.join(projectRoot, 'web')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return webScripts(full);
    return entry.name.endsWith('.js') ? [full] : [];
  });
}

describe("the pages' API types and lists (npm run web-types)", () => {
  it('are committed as generated from docs/openapi.json', async () => {
    expect(committed(API_TYPES_FILE)).toBe(await buildApiTypes(projectRoot));
    expect(committed(TAXONOMY_FILE)).toBe(buildTaxonomy(projectRoot));
  });

  it('type each route on its own, even where routes share an operationId in the document', () => {
    const types = committed(API_TYPES_FILE);
    const confirm = types.slice(types.indexOf('"/portal/verification/confirm": {'));
    const body = confirm.slice(confirm.indexOf('requestBody'), confirm.indexOf('responses'));
    expect(body).toContain('verificationId: string;');
    expect(body).toContain('code: string;');
    expect(body).not.toContain('dateOfBirth');
  });

  it('are the only place a page keeps a domain list: no page spells one out again', async () => {
    const taxonomy: Record<string, unknown> = await import(path.join(projectRoot, TAXONOMY_FILE));
    const lists = Object.entries(taxonomy).filter(
      (entry): entry is [string, readonly string[]] => Array.isArray(entry[1]) && entry[1].length >= 3,
    );
    expect(lists.map(([name]) => name)).toContain('TIERS');
    for (const file of webScripts()) {
      if (path.relative(projectRoot, file) === TAXONOMY_FILE) continue;
      const source = readFileSync(file, 'utf8');
      for (const [name, values] of lists) {
        // The list's values quoted one after another, as an array literal would have them.
        const copy = new RegExp(values.map((value) => `['"]${value}['"]`).join('\\s*,\\s*'));
        expect(copy.test(source), `${path.relative(projectRoot, file)} copies ${name}`).toBe(false);
      }
    }
  });
});
