#!/usr/bin/env node
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { CollectionsStack } from '../lib/collections-stack';
import { stageConfig } from '../lib/stages';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const app = new App();
const stage = stageConfig(app.node.tryGetContext('stage'));

const stack = new CollectionsStack(app, `Collections-${stage.name}`, {
  stage,
  projectRoot,
  description: `Collections assistant (${stage.name})`,
});
Tags.of(stack).add('project', 'collections-assistant');
Tags.of(stack).add('stage', stage.name);
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
