/** `npm run synth`: synthesises every stage offline, with cdk-nag, each into cdk.out/<stage>. */
import { spawnSync } from 'node:child_process';
import { STAGE_NAMES } from '../catalog/stages';

let failed = 0;
for (const stage of STAGE_NAMES) {
  const result = spawnSync(
    'npx',
    ['cdk', 'synth', '--quiet', '--no-notices', '-c', `stage=${stage}`, '-o', `cdk.out/${stage}`],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  const ok = result.status === 0;
  if (!ok) failed++;
  console.log(`${ok ? '✔' : '✘'} ${stage}`);
}
process.exit(failed === 0 ? 0 : 1);
