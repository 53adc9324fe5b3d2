import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';

const projectRoot = path.resolve(import.meta.dirname, '../..');

export interface RuntimeProcess {
  readonly url: string;
  readonly dynamodbPid: number;
  readonly child: ChildProcess;
  output(): string;
  /** Ctrl-C, then wait for the process to exit; resolves with its exit code. */
  interrupt(): Promise<number | null>;
}

/**
 * Boots `npm start`'s entry point as a child process, on a free port and an in-memory database. Unless `env`
 * says otherwise the portfolio is left unscored at start (tests score when they need to), so no background
 * outreach from a start-up run loads the machine under the test.
 */
export async function startRuntimeProcess(
  env: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<RuntimeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/main.ts'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      PORT: '0',
      LOCAL_IN_MEMORY: 'true',
      LOCAL_SCORE_ON_FIRST_START: 'false',
      POWERTOOLS_LOG_LEVEL: 'ERROR',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const deadline = Date.now() + timeoutMs;
  while (!/Ctrl-C stops everything/.test(output)) {
    if (child.exitCode !== null) throw new Error(`local runtime exited early:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`local runtime not up within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const url = /Start here\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(output)![1]!;
  const dynamodbPid = Number(/\(pid (\d+)/.exec(output)![1]);
  return {
    url,
    dynamodbPid,
    child,
    output: () => output,
    interrupt: async () => {
      child.kill('SIGINT');
      return exited;
    },
  };
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
