import artifact from '../../models/risk-model.json';
import type { RiskModelArtifact } from '../domain/scoring/risk-model';

/** The model artifact committed with the code (trained by `npm run train`); bundled into each function that scores. */
export const committedRiskModel = artifact as RiskModelArtifact;
