import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges one cdk-nag AwsSolutions finding on one construct, with the reason it is acceptable here.
 * Every call names a single rule (and, for granular rules, the single finding), never a whole rule family.
 */
export function acknowledgeFinding(construct: IConstruct, finding: string, reason: string): void {
  Validations.of(construct).acknowledge({ id: `AwsSolutions-${finding}`, reason });
}
