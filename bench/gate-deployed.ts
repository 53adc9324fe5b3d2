/**
 * The gate's throughput as a Lambda function runs it: this file is bundled with the deployed functions' esbuild
 * settings (`bundleAsDeployed`) and run in a process of its own, which prints the figures as JSON. Run from
 * source under tsx, the same code is slower and its Chinese figure drifts down the longer the process has run
 * English first; the bundle shows neither (see the README's benchmark section).
 */
import { gateThroughput } from './gate-throughput';

const projectRoot = process.argv[2];
if (!projectRoot) throw new Error('usage: node gate-deployed.js PROJECT_ROOT');
process.stdout.write(`${JSON.stringify(gateThroughput(projectRoot))}\n`);
