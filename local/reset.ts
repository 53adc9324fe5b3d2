/** `npm run reset`: forgets the local database, so the next `npm start` seeds a fresh demo portfolio. */
import { rmSync } from 'node:fs';
import { LOCAL_DIR } from './paths';

rmSync(LOCAL_DIR, { recursive: true, force: true });
console.log(`Removed ${LOCAL_DIR}; the next npm start seeds a fresh demo portfolio.`);
