import { type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import {
  MONITORED_ACCOUNT_ATTRIBUTES,
  type MonitoredAccount,
  type MonitoredAccounts,
} from '../../domain/payments/instalment-monitor';
import { projectionOf } from './scan-all';

const PROJECTION = projectionOf(MONITORED_ACCOUNT_ATTRIBUTES);

/**
 * The monitor's read of the portfolio: a projected scan, a page at a time. At bank scale statements would
 * arrive as events from core banking (one per statement) instead of being read from every account hourly.
 */
export class DynamoMonitoredAccounts implements MonitoredAccounts {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async *pages(): AsyncIterable<readonly MonitoredAccount[]> {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new ScanCommand({ TableName: this.tableName, ...PROJECTION, ExclusiveStartKey: startKey }),
      );
      yield (page.Items ?? []) as unknown as MonitoredAccount[];
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }
}
