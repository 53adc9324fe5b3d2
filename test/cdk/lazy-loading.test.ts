/**
 * Bundles as deployed, run as Lambda runs them (from a folder where only the AWS SDK resolves from outside):
 * init loads no SDK module, the first invocation loads what it calls, and the model artefacts and the model
 * client that ship beside a bundle are found there (issue #14, cold start).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleAsDeployed, lambdaLikeRoot } from '../../lib/bundling';
import { LAZY_ARTIFACTS } from '../../models/artifacts';
import { freshTables, localCredentials } from '../support/dynamodb';
import { projectRoot } from './support';

let root: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'lazy-loading-'));
  lambdaLikeRoot(projectRoot, root);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Runs `script` in a fresh Node process (a cold start) and returns what it prints as JSON. */
function coldStart(script: string, env: Record<string, string>): unknown {
  const output = execFileSync(process.execPath, ['--no-warnings', '-e', script], {
    env: { PATH: process.env.PATH ?? '', POWERTOOLS_LOG_LEVEL: 'SILENT', AWS_REGION: 'us-east-1', ...env },
    encoding: 'utf8',
  });
  return JSON.parse(output);
}

const sdkModulesLoaded = 'Object.keys(require.cache).filter((file) => file.includes("@aws-sdk")).length';

describe('a bundled function at cold start', () => {
  it('loads no AWS SDK module during init, and the SDK on its first invocation', async () => {
    const { endpoint, names } = await freshTables();
    const bundle = await bundleAsDeployed(
      projectRoot,
      path.join(projectRoot, 'lambdas/handlers/scheduled/check-promises.ts'),
      path.join(root, 'checkPromises'),
      { modelClient: false },
    );
    const result = coldStart(
      `(async () => {
        const { handler } = require(${JSON.stringify(bundle)});
        const atInit = ${sdkModulesLoaded};
        const report = await handler({ id: 'cold-start-test' }, {});
        process.stdout.write(JSON.stringify({ atInit, afterInvocation: ${sdkModulesLoaded}, report }));
      })().catch((error) => { console.error(error); process.exit(1); });`,
      {
        ACCOUNTS_TABLE: names.accounts,
        EVENT_BUS_NAME: 'cold-start-bus',
        AWS_ENDPOINT_URL_DYNAMODB: endpoint,
        AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
      },
    ) as { atInit: number; afterInvocation: number; report: { checked: number } };
    expect(result.atInit).toBe(0);
    expect(result.afterInvocation).toBeGreaterThan(0);
    expect(result.report.checked).toBe(0);
  }, 120_000);

  it('reads the model artefacts and rule tables shipped beside the bundle (the project is out of reach)', async () => {
    const outdir = path.join(root, 'readers');
    const entry = path.join(root, 'readers-entry.ts');
    writeFileSync(
      entry,
      [
        `import { understand } from ${JSON.stringify(path.join(projectRoot, 'lambdas/domain/chat/understanding'))};`,
        `import { checkMessage } from ${JSON.stringify(path.join(projectRoot, 'lambdas/domain/compliance/message-linter'))};`,
        `import * as z from ${JSON.stringify(path.join(projectRoot, 'contracts/schema'))};`,
        'export const read = (text: string) => understand(text, { language: "en", currency: "USD", today: "2026-12-04" });',
        // The categories the gate's rules and classifiers find (read beside the bundle on first use).
        'export const gate = (text: string, language: "en" | "zh-CN" = "en") =>',
        '  checkMessage({ text, channel: "portal", jurisdiction: language === "en" ? "US" : "CN", language })',
        '    .violations.map((violation) => violation.category).filter((category) => category !== "missing_disclosure");',
        // zod/mini has no messages of its own: the bundle must carry the English ones clients and logs read.
        'export const problem = (value: unknown) => z.object({ name: z.string() }).safeParse(value).error?.issues[0]?.message;',
      ].join('\n'),
    );
    const bundle = await bundleAsDeployed(projectRoot, entry, outdir, { modelClient: false });
    for (const artefact of Object.keys(LAZY_ARTIFACTS))
      expect(existsSync(path.join(outdir, artefact))).toBe(true);
    const result = coldStart(
      `const readers = require(${JSON.stringify(bundle)});
      const intent = readers.read('I lost my job last month and cannot pay').intent;
      process.stdout.write(JSON.stringify({
        intent,
        english: readers.gate('Pay today or we will tell your employer about this debt.'),
        traditionalChinese: readers.gate('你這個老賴，還不還錢', 'zh-CN'),
        problem: readers.problem({ name: 1 }),
      }));`,
      {},
    );
    expect(result).toEqual({
      intent: 'hardship',
      english: ['third_party_disclosure', 'false_urgency'],
      traditionalChinese: ['insult'],
      problem: 'Invalid input: expected string, received number',
    });
  }, 120_000);

  it('ships the model client only with functions that may call the model, and loads it from there', async () => {
    const outdir = path.join(root, 'client');
    const entry = path.join(root, 'client-entry.ts');
    writeFileSync(entry, 'export const load = () => import("openai");\n');
    const bundle = await bundleAsDeployed(projectRoot, entry, outdir, { modelClient: true });
    const result = coldStart(
      `const { load } = require(${JSON.stringify(bundle)});
      const atInit = Object.keys(require.cache).some((file) => file.includes('openai'));
      load().then((openai) => process.stdout.write(JSON.stringify({
        atInit,
        from: require.resolve('openai', { paths: [${JSON.stringify(outdir)}] }),
        client: typeof openai.default,
      })));`,
      {},
    ) as { atInit: boolean; from: string; client: string };
    expect(result).toEqual({
      atInit: false,
      from: path.join(outdir, 'node_modules/openai/index.js'),
      client: 'function',
    });
    const withoutClient = path.join(root, 'no-client');
    await bundleAsDeployed(projectRoot, entry, withoutClient, { modelClient: false });
    expect(existsSync(path.join(withoutClient, 'node_modules'))).toBe(false);
  }, 120_000);
});
