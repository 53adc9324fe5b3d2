import {
  type RiskModelArtifact,
  type RiskModelInput,
  scoreRisk,
} from '../../lambdas/domain/scoring/risk-model';
import { type MeanAndSd, meanAndSd, stratifiedFolds } from './cross-validation';
import { brier, ks as ksStatistic, auc as rocAuc } from './metrics';
import { BANDS, FALLBACK_PROBABILITY, MODEL_VERSION, SCORE_SCALE, SCORECARD_SPEC } from './model-spec';
import { fitScorecard, type ScorecardSpec } from './scorecard';

export interface LabelledAccount {
  input: RiskModelInput;
  label: 0 | 1;
}

export interface TrainingOptions {
  folds: number;
  seed: number;
  /** Identifies the training file in the artifact (SHA-256 of its bytes). */
  dataSha256: string;
  spec?: ScorecardSpec;
}

export interface FoldMetrics {
  auc: number;
  ks: number;
  brier: number;
}

export interface CrossValidation {
  folds: FoldMetrics[];
  auc: MeanAndSd;
  ks: MeanAndSd;
  brier: MeanAndSd;
  /** Each row's PD from the model that did not see it. */
  outOfFoldProbabilities: number[];
}

export interface TrainedModel {
  artifact: RiskModelArtifact;
  crossValidation: CrossValidation;
}

const round4 = (value: number): number => Math.round(value * 1e4) / 1e4;
const rounded = ({ mean, sd }: MeanAndSd): MeanAndSd => ({ mean: round4(mean), sd: round4(sd) });

function fitArtifact(
  accounts: readonly LabelledAccount[],
  spec: ScorecardSpec,
  training: RiskModelArtifact['training'],
): RiskModelArtifact {
  const { baseLogit, groups } = fitScorecard(
    accounts.map((account) => account.input),
    accounts.map((account) => account.label),
    spec,
  );
  return {
    version: MODEL_VERSION,
    kind: 'additive-binned-logit',
    training,
    scoreScale: SCORE_SCALE,
    bands: BANDS,
    fallbackProbability: FALLBACK_PROBABILITY,
    baseLogit,
    groups,
  };
}

export function crossValidate(
  accounts: readonly LabelledAccount[],
  folds: number,
  seed: number,
  spec: ScorecardSpec,
): CrossValidation {
  const foldOf = stratifiedFolds(
    accounts.map((account) => account.label),
    folds,
    seed,
  );
  const outOfFoldProbabilities = new Array<number>(accounts.length).fill(Number.NaN);
  const foldMetrics = Array.from({ length: folds }, (_, fold) => {
    const model = fitArtifact(
      accounts.filter((_, index) => foldOf[index] !== fold),
      spec,
      {},
    );
    const heldOut = foldOf.flatMap((foldOfRow, index) => (foldOfRow === fold ? [index] : []));
    for (const index of heldOut) {
      outOfFoldProbabilities[index] = scoreRisk(model, accounts[index]!.input).probabilityOfDefault;
    }
    const probabilities = heldOut.map((index) => outOfFoldProbabilities[index]!);
    const labels = heldOut.map((index) => accounts[index]!.label);
    return {
      auc: rocAuc(probabilities, labels),
      ks: ksStatistic(probabilities, labels),
      brier: brier(probabilities, labels),
    };
  });
  return {
    folds: foldMetrics,
    auc: meanAndSd(foldMetrics.map((metrics) => metrics.auc)),
    ks: meanAndSd(foldMetrics.map((metrics) => metrics.ks)),
    brier: meanAndSd(foldMetrics.map((metrics) => metrics.brier)),
    outOfFoldProbabilities,
  };
}

/** Cross-validates, then fits the committed model on every row. Same rows and options → same artifact. */
export function trainRiskModel(accounts: readonly LabelledAccount[], options: TrainingOptions): TrainedModel {
  const spec = options.spec ?? SCORECARD_SPEC;
  const crossValidation = crossValidate(accounts, options.folds, options.seed, spec);
  const artifact = fitArtifact(accounts, spec, {
    rows: accounts.length,
    defaults: accounts.filter((account) => account.label === 1).length,
    dataSha256: options.dataSha256,
    folds: options.folds,
    seed: options.seed,
    crossValidated: {
      auc: rounded(crossValidation.auc),
      ks: rounded(crossValidation.ks),
      brier: rounded(crossValidation.brier),
    },
  });
  return { artifact, crossValidation };
}

/** Pretty-printed JSON with number arrays kept on one line: small, diff-friendly and byte-stable. */
export function artifactJson(artifact: RiskModelArtifact): string {
  const pretty = JSON.stringify(artifact, null, 2);
  return `${pretty.replace(/\[\s+(-?[\d.e+-]+(?:,\s+-?[\d.e+-]+)*)\s+\]/g, (_, numbers: string) => `[${numbers.split(/,\s+/).join(', ')}]`)}\n`;
}
