import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IAlarmAction,
  type IMetric,
  MathExpression,
  Metric,
  SingleValueWidget,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import {
  BUSINESS_METRICS,
  type BusinessMetric,
  METRICS_NAMESPACE,
  METRICS_SERVICE,
  type MetricDeclaration,
  STAGE_DIMENSION,
} from '../../catalog/metrics';
import type { StageConfig } from '../../catalog/stages';

export interface BusinessDashboardProps {
  readonly stage: StageConfig;
  readonly alarmAction: IAlarmAction;
}

/**
 * The stage's business figures on one CloudWatch dashboard (catalog/metrics.ts), and alarms on the two that
 * mean customers are being let down: debits the bank refuses, and drafts no compliant wording could be found for.
 */
export class BusinessDashboard extends Construct {
  readonly dashboard: Dashboard;
  readonly debitFailureAlarm: Alarm;
  readonly blockedDraftsAlarm: Alarm;

  constructor(scope: Construct, id: string, props: BusinessDashboardProps) {
    super(scope, id);
    const { stage, alarmAction } = props;
    const period = Duration.minutes(stage.alarms.periodMinutes);
    const dimensions = { service: METRICS_SERVICE, [STAGE_DIMENSION]: stage.name };
    const figure = (metric: BusinessMetric, by?: string, label?: string) => {
      const breakdown: MetricDeclaration = BUSINESS_METRICS[metric];
      return new Metric({
        namespace: METRICS_NAMESPACE,
        metricName: metric,
        dimensionsMap: by && breakdown.by ? { ...dimensions, [breakdown.by.dimension]: by } : dimensions,
        statistic: 'Sum',
        period,
        label: label ?? by ?? metric,
      });
    };
    /** Every value of a breakdown not known in advance (tiers, rules), found by CloudWatch search. */
    const everyValue = (metric: BusinessMetric, dimension: string) =>
      new MathExpression({
        expression: `SEARCH('{${METRICS_NAMESPACE},service,${STAGE_DIMENSION},${dimension}} MetricName="${metric}" ${STAGE_DIMENSION}="${stage.name}"', 'Sum', ${period.toSeconds()})`,
        label: '',
        period,
      });
    const byOutcome = (metric: BusinessMetric, values: readonly string[]) =>
      values.map((v) => figure(metric, v));

    const drafts = byOutcome('Drafts', BUSINESS_METRICS.Drafts.by.values);
    const debits = byOutcome('Debits', BUSINESS_METRICS.Debits.by.values);
    const succeeded = figure('Debits', 'succeeded');
    const failed = figure('Debits', 'failed');
    const failureRate = new MathExpression({
      expression: 'IF(settled + refused >= 5, 100 * refused / (settled + refused), 0)',
      usingMetrics: { settled: succeeded, refused: failed },
      label: 'debits refused (%)',
      period,
    });

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `${stage.resourcePrefix}-business`,
      defaultInterval: Duration.days(7),
    });
    this.dashboard.addWidgets(
      new TextWidget({
        markdown: `# ${stage.name}: business figures\nWhat the product did for customers (catalog/metrics.ts says what each counts).`,
        width: 24,
        height: 2,
      }),
    );
    this.dashboard.addWidgets(
      new SingleValueWidget({
        title: 'Today at a glance',
        metrics: [
          figure('AccountsScored'),
          figure('ChatsOpened'),
          figure('PromisesRecorded'),
          figure('PlansAccepted'),
        ],
        setPeriodToTimeRange: true,
        width: 24,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({ title: 'Accounts scored', left: [figure('AccountsScored')], width: 8 }),
      new GraphWidget({ title: 'Tier changes by tier', left: [everyValue('TierChanges', 'tier')], width: 8 }),
      new GraphWidget({ title: 'Drafts by source', left: drafts, stacked: true, width: 8 }),
      new GraphWidget({
        title: 'Messages blocked by rule',
        left: [everyValue('MessagesBlocked', 'rule')],
        width: 8,
      }),
      new GraphWidget({
        title: 'Chats, promises and plans',
        left: [figure('ChatsOpened'), figure('PromisesRecorded'), figure('PlansAccepted')],
        width: 8,
      }),
      new GraphWidget({ title: 'Debits by outcome', left: debits, right: [failureRate], width: 8 }),
    );

    const alarm = (alarmId: string, description: string, metric: IMetric, threshold: number) => {
      const created = new Alarm(this, alarmId, {
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(alarmAction);
      return created;
    };
    this.debitFailureAlarm = alarm(
      'DebitFailureRateAlarm',
      `At least ${stage.alarms.debitFailurePercent}% of debits were refused by the bank (of 5 or more): check the bank's API and the mandates.`,
      failureRate,
      stage.alarms.debitFailurePercent,
    );
    this.blockedDraftsAlarm = alarm(
      'BlockedDraftsAlarm',
      `${stage.alarms.blockedDrafts} or more drafts found no compliant wording: customers in those tiers hear nothing.`,
      figure('Drafts', 'blocked'),
      stage.alarms.blockedDrafts,
    );
  }
}
