import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runConformance } from '../../local/eventbridge/conformance';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const vectorsDir = path.resolve(projectRoot, '../shared/data/eventbridge-patterns');
const vectorsPresent = existsSync(vectorsDir);
const runningInCi = process.env.CI === 'true';

if (!vectorsPresent && !runningInCi) {
  console.warn(`Skipping the EventBridge conformance vectors: ${vectorsDir} does not exist.`);
}

/** Counted from the directory listing, independently of the runner. */
function countCases(dir: string): number {
  const files = readdirSync(dir);
  const singleFile = files.filter((file) => file.endsWith('.json5')).length;
  const pairs = files.filter(
    (file) => file.endsWith('_pattern.json') && files.includes(file.replace(/_pattern\.json$/, '.json')),
  ).length;
  return singleFile + pairs;
}

describe('EventBridge event-pattern vectors', () => {
  // Skipped only on a machine without ../shared; in CI a missing directory fails the test.
  it.skipIf(!vectorsPresent && !runningInCi)('all agree with EventBridge', () => {
    if (!vectorsPresent)
      expect.fail(`The EventBridge test vectors are missing: expected them in ${vectorsDir}`);
    const report = runConformance(vectorsDir);
    const failures = report.details.filter((result) => !result.passed).map((r) => `${r.file}: ${r.message}`);
    expect(failures).toEqual([]);
    expect(report.failed).toBe(0);
    expect(report.passed).toBeGreaterThan(0);
    expect(report.passed).toBe(countCases(vectorsDir));
  });
});

describe('conformance runner', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'eventbridge-vectors-'));
  const write = (file: string, content: unknown) =>
    writeFileSync(path.join(scratch, file), typeof content === 'string' ? content : JSON.stringify(content));
  const event = { source: 'collections.payments', detail: { amount: 10 } };
  write(
    'match.json5',
    `// comments and trailing commas are fine\n{Event: ${JSON.stringify(event)}, EventPattern: {source: ["collections.payments"],},}`,
  );
  write('wrong_NEG.json5', { Event: event, EventPattern: { source: ['collections.payments'] } });
  write('invalid_EXC.json5', { Event: event, EventPattern: { source: [] } });
  write('unexpectedly_valid_EXC.json5', { Event: event, EventPattern: { source: ['x'] } });
  write('broken.json5', '{Event: ');
  write('pair.json', event);
  write('pair_pattern.json', { detail: { amount: [{ numeric: ['<', 100] }] } });
  write('orphan.json', event);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('runs single-file and two-file cases and reports each failure', () => {
    const report = runConformance(scratch);
    expect(report).toMatchObject({
      passed: 3,
      failed: 3,
      failures: ['broken.json5', 'unexpectedly_valid_EXC.json5', 'wrong_NEG.json5'],
      unpaired: ['orphan.json'],
    });
    expect(report.details.find((result) => result.file === 'wrong_NEG.json5')?.message).toBe(
      'expected no-match, got match',
    );
  });

  it('prints failures then a JSON summary, and exits 1 on failure or 2 on a bad directory', () => {
    const cli = (...args: string[]) => {
      try {
        const stdout = execFileSync(
          process.execPath,
          ['--import', 'tsx', 'scripts/conformance-eventbridge.ts', ...args],
          {
            cwd: projectRoot,
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        return { status: 0, stdout };
      } catch (error) {
        const { status, stdout } = error as { status: number; stdout: string };
        return { status, stdout };
      }
    };
    const failing = cli(scratch);
    const lines = failing.stdout.trim().split('\n');
    expect(failing.status).toBe(1);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^FAIL broken\.json5: cannot load the case/);
    expect(JSON.parse(lines.at(-1) ?? '')).toEqual({
      passed: 3,
      failed: 3,
      failures: ['broken.json5', 'unexpectedly_valid_EXC.json5', 'wrong_NEG.json5'],
    });
    expect(cli(path.join(scratch, 'missing')).status).toBe(2);
    expect(cli().status).toBe(2);
  });
});
