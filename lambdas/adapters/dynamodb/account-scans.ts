/**
 * Whole-portfolio reads of the accounts table for the agent queue and the promise check: a scan reading only
 * the attributes each needs. Fine for the demo portfolio (about a thousand accounts); a production portfolio
 * would keep the queue in a sparse GSI (e.g. `queueShard` + priority key, written by servicing and scoring)
 * and promises in one keyed by due date, and query those instead of scanning.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { QUEUE_ATTRIBUTES, type QueueAccount, type QueueAccounts } from '../../domain/console/agent-queue';
import {
  PROMISE_ATTRIBUTES,
  type PromiseAccount,
  type PromiseAccounts,
} from '../../domain/decisions/promise-check';
import { projectionOf, scanAll } from './scan-all';

const QUEUE_PROJECTION = projectionOf(QUEUE_ATTRIBUTES);
const PROMISE_PROJECTION = projectionOf(PROMISE_ATTRIBUTES);

export class DynamoAccountScans implements QueueAccounts, PromiseAccounts {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async queueCandidates(): Promise<QueueAccount[]> {
    const items = await scanAll(this.db, { TableName: this.tableName, ...QUEUE_PROJECTION });
    return items as unknown as QueueAccount[];
  }

  async withPromises(): Promise<PromiseAccount[]> {
    // Only the flag is filtered here; which promises are broken is the domain's decision.
    const items = await scanAll(this.db, {
      TableName: this.tableName,
      ...PROMISE_PROJECTION,
      FilterExpression: '#f.#ptp = :yes',
      ExpressionAttributeNames: {
        ...PROMISE_PROJECTION.ExpressionAttributeNames,
        '#f': 'flags',
        '#ptp': 'promiseToPay',
      },
      ExpressionAttributeValues: { ':yes': true },
    });
    return items as unknown as PromiseAccount[];
  }
}
