/**
 * Runs EventBridge event-pattern test vectors against the local matcher.
 *
 *   npm run --silent conformance:eventbridge -- DIR
 *
 * Prints one line per failing case, then a JSON summary as the last line:
 * {"passed":N,"failed":M,"failures":["file",...]}. Exit code 0 when all pass, 1 on any failure,
 * 2 when DIR is missing, unreadable or holds no vectors.
 */
import { statSync } from 'node:fs';
import { runConformance } from '../local/eventbridge/conformance';

const USAGE = 'usage: npm run --silent conformance:eventbridge -- DIR';

function main(args: string[]): number {
  const [dir, ...extra] = args;
  if (dir === undefined || extra.length > 0)
    return usageError('expected exactly one argument, the vector directory');
  if (!isDirectory(dir)) return usageError(`not a directory: ${dir}`);

  const report = runConformance(dir);
  for (const file of report.unpaired)
    console.error(`skipped ${file}: its event/pattern counterpart is missing`);
  if (report.passed + report.failed === 0)
    return usageError(`no test vectors (*.json5, *.json + *_pattern.json) in ${dir}`);

  for (const result of report.details) {
    if (!result.passed) console.log(`FAIL ${result.file}: ${result.message}`);
  }
  console.log(JSON.stringify({ passed: report.passed, failed: report.failed, failures: report.failures }));
  return report.failed === 0 ? 0 : 1;
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function usageError(message: string): number {
  console.error(`conformance-eventbridge: ${message}\n${USAGE}`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
