/** Runs the catalog's real handler modules in this process, with a Lambda-like context. */
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import type { Context } from 'aws-lambda';
import { allEventRules, FUNCTIONS, type FunctionDeclaration } from '../catalog/functions';

type Handler = (event: unknown, context: Context) => Promise<unknown>;

export class LambdaInvoker {
  private readonly handlers = new Map<string, Promise<Handler>>();

  constructor(private readonly projectRoot: string) {}

  declaration(functionId: string): FunctionDeclaration {
    const declaration = FUNCTIONS.find((fn) => fn.id === functionId);
    if (!declaration) throw new Error(`No function ${functionId} in the catalog.`);
    return declaration;
  }

  /** Imports every handler now, so a broken module or configuration fails at start rather than on first use. */
  async loadAll(): Promise<void> {
    await Promise.all(FUNCTIONS.map((fn) => this.handler(fn.id)));
  }

  /**
   * Rule routes whose detail-type the target's handler does not take (an `eventHandler` says which it takes):
   * such an event would only ever reach the dead-letter queue.
   */
  async unacceptedRoutes(): Promise<string[]> {
    const problems: string[] = [];
    for (const rule of allEventRules()) {
      const handler = (await this.handler(rule.functionId)) as Handler & { detailTypes?: readonly string[] };
      const routed = (rule.pattern['detail-type'] as string[] | undefined) ?? [];
      const refused = routed.filter((type) => !handler.detailTypes?.includes(type));
      if (refused.length > 0) problems.push(`${rule.id} → ${rule.functionId}: ${refused.join(', ')}`);
    }
    return problems;
  }

  async invoke(functionId: string, event: unknown): Promise<unknown> {
    const declaration = this.declaration(functionId);
    const handler = await this.handler(functionId);
    return handler(event, lambdaContext(declaration.id, declaration.timeoutSeconds, declaration.memoryMb));
  }

  private handler(functionId: string): Promise<Handler> {
    let loaded = this.handlers.get(functionId);
    if (!loaded) {
      const entry = path.join(this.projectRoot, this.declaration(functionId).entry);
      loaded = import(entry).then((module: { handler?: Handler }) => {
        if (typeof module.handler !== 'function') throw new Error(`${entry} does not export a handler.`);
        return module.handler;
      });
      this.handlers.set(functionId, loaded);
    }
    return loaded;
  }
}

/** The context Lambda passes a handler, for one invocation starting now. */
export function lambdaContext(functionId: string, timeoutSeconds = 10, memoryMb = 512): Context {
  const deadline = Date.now() + timeoutSeconds * 1000;
  const functionName = `local-${functionId}`;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: String(memoryMb),
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}
