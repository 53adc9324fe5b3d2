import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import type { StageName } from '../../catalog/stages';
import { createCollectionsApp } from '../../lib/app';

export const projectRoot = path.resolve(import.meta.dirname, '../..');

/** Synthesises one stage, without bundling unless asked (bundling has its own test). */
export function synthStage(stage: StageName, options: { bundle?: boolean } = {}) {
  const outdir = mkdtempSync(path.join(tmpdir(), `cdk-${stage}-`));
  const context: Record<string, unknown> = { stage };
  if (!options.bundle) context['aws:cdk:bundling-stacks'] = [];
  const { app, stack } = createCollectionsApp(projectRoot, { context, outdir });
  const assembly = app.synth();
  return { app, stack, assembly, template: Template.fromStack(stack) };
}
