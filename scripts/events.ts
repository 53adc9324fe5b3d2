/**
 * `npm run events`: writes docs/events/ (one JSON Schema per detail-type and version, and a README) from
 * contracts/events. Refuses a breaking change to a schema whose version did not change.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { breakingChanges, buildEventDocs } from './lib/event-schemas';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(projectRoot, 'docs', 'events');
const files = buildEventDocs();

const refused: string[] = [];
for (const [name, content] of files) {
  const file = path.join(target, name);
  if (!name.endsWith('.json') || !existsSync(file)) continue;
  const problems = breakingChanges(JSON.parse(readFileSync(file, 'utf8')), JSON.parse(content));
  if (problems.length > 0) refused.push(`${name}: ${problems.join('; ')}`);
}
if (refused.length > 0) {
  console.error(
    `Breaking changes under an unchanged version (bump the contract's version; see docs/events/README.md):\n  ${refused.join('\n  ')}`,
  );
  process.exit(1);
}

mkdirSync(target, { recursive: true });
for (const name of readdirSync(target)) {
  if (!files.has(name)) rmSync(path.join(target, name));
}
for (const [name, content] of files) writeFileSync(path.join(target, name), content);
console.log(`wrote ${path.relative(projectRoot, target)}: ${files.size - 1} event schemas and README.md`);
