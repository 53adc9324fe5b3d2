/** Each stage's business dashboard and the alarms on what matters, from the metrics catalog. */
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { BUSINESS_METRICS, METRICS_NAMESPACE } from '../../catalog/metrics';
import { STAGE_NAMES, stageConfig } from '../../catalog/stages';
import { synthStage } from './support';

describe.each(STAGE_NAMES)('business figures in %s', (stageName) => {
  const stage = stageConfig(stageName);
  const { template } = synthStage(stageName);

  it('draws every business metric on the stage dashboard, for this stage only', () => {
    const dashboards = template.findResources('AWS::CloudWatch::Dashboard', {
      Properties: { DashboardName: `${stage.resourcePrefix}-business` },
    });
    expect(Object.keys(dashboards)).toHaveLength(1);
    const body = JSON.stringify(Object.values(dashboards)[0]!.Properties.DashboardBody);
    for (const metric of Object.keys(BUSINESS_METRICS)) expect(body).toContain(metric);
    expect(body).toContain(METRICS_NAMESPACE);
    expect(body).toContain(`\\"stage\\",\\"${stage.name}\\"`);
    for (const other of STAGE_NAMES.filter((name) => name !== stageName)) {
      expect(body).not.toContain(`\\"stage\\",\\"${other}\\"`);
    }
  });

  it('alarms on the share of debits the bank refuses, to the alarm topic', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: stage.alarms.debitFailurePercent,
      AlarmActions: [{ Ref: Match.stringLikeRegexp('^AlarmTopic') }],
      Metrics: Match.arrayWith([
        Match.objectLike({
          Expression: Match.stringLikeRegexp('100 \\* refused / \\(settled \\+ refused\\)'),
        }),
        Match.objectLike({
          MetricStat: Match.objectLike({
            Metric: Match.objectLike({
              MetricName: 'Debits',
              Namespace: METRICS_NAMESPACE,
              Dimensions: Match.arrayWith([
                { Name: 'outcome', Value: 'failed' },
                { Name: 'stage', Value: stage.name },
              ]),
            }),
          }),
        }),
      ]),
    });
  });

  it('alarms when drafts find no compliant wording', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: stage.alarms.blockedDrafts,
      AlarmActions: [{ Ref: Match.stringLikeRegexp('^AlarmTopic') }],
      Metrics: [
        Match.objectLike({
          MetricStat: Match.objectLike({
            Metric: Match.objectLike({
              MetricName: 'Drafts',
              Namespace: METRICS_NAMESPACE,
              Dimensions: Match.arrayWith([{ Name: 'source', Value: 'blocked' }]),
            }),
          }),
        }),
      ],
    });
  });
});
