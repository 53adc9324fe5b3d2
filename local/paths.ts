import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where `npm start` keeps DynamoDB Local's data between runs; `npm run reset` deletes `.local/`. */
export const LOCAL_DIR = path.join(PROJECT_ROOT, '.local');
export const LOCAL_DATA_DIR = path.join(LOCAL_DIR, 'dynamodb');
