import { App, type AppProps, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { stageConfig } from '../catalog/stages';
import { CollectionsStack } from './collections-stack';

/**
 * The CDK app for the stage named by the `stage` context (`-c stage=dev|staging|prod`), with cdk-nag's
 * AwsSolutions checks on every synth. Used by bin/app.ts and the CDK tests.
 */
export function createCollectionsApp(projectRoot: string, appProps: AppProps = {}) {
  const app = new App(appProps);
  const stage = stageConfig(app.node.tryGetContext('stage'));
  const stack = new CollectionsStack(app, `Collections-${stage.name}`, {
    stage,
    projectRoot,
    description: `Collections assistant (${stage.name})`,
  });
  Tags.of(stack).add('project', 'collections-assistant');
  Tags.of(stack).add('stage', stage.name);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, stack, stage };
}
