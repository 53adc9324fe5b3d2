/** `npm run reset`: forgets the local database, so the next `npm start` seeds a fresh demo portfolio. */
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const localDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '.local');
rmSync(localDir, { recursive: true, force: true });
console.log(`Removed ${localDir}; the next npm start seeds a fresh demo portfolio.`);
