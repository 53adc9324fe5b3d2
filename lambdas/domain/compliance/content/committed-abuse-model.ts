import artifact from '../../../../models/abuse-classifier.json';
import { AbuseModel, type AbuseModelArtifact } from './abuse-model';

/** The committed abuse classifier (`npm run train:gate` writes it), loaded once per process. */
export const COMMITTED_ABUSE_MODEL = new AbuseModel(artifact as AbuseModelArtifact);
