import { readModelArtifact } from '../../../../models/artifacts';
import { AbuseModel, type AbuseModelArtifact } from './abuse-model';

let model: AbuseModel | undefined;

/** The committed abuse classifier (`npm run train:gate` writes it), read once per process on first use. */
export function committedAbuseModel(): AbuseModel {
  model ??= new AbuseModel(readModelArtifact('abuse-classifier.json') as AbuseModelArtifact);
  return model;
}
