/** Discrimination and calibration metrics for binary outcomes. Pure; labels are 0 | 1. */

function assertPaired(scores: readonly number[], labels: readonly number[]): void {
  if (scores.length !== labels.length) throw new Error('scores and labels must have the same length');
  if (scores.length === 0) throw new Error('at least one observation is required');
}

function classCounts(labels: readonly number[]): { positives: number; negatives: number } {
  const positives = labels.filter((label) => label === 1).length;
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) throw new Error('both outcomes (0 and 1) must occur');
  return { positives, negatives };
}

/** Indices ordered by ascending score (stable, so the result never depends on the sort's tie handling). */
const ascendingOrder = (scores: readonly number[]): number[] =>
  scores.map((_, index) => index).sort((a, b) => scores[a]! - scores[b]! || a - b);

/** Calls visit(start, end) for each run of equal scores in the given order. */
function forEachTieRun(
  order: readonly number[],
  scores: readonly number[],
  visit: (start: number, end: number) => void,
): void {
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && scores[order[end]!] === scores[order[start]!]) end++;
    visit(start, end);
    start = end;
  }
}

/** Area under the ROC curve via the Mann–Whitney statistic; tied scores get their average rank. */
export function auc(scores: readonly number[], labels: readonly number[]): number {
  assertPaired(scores, labels);
  const { positives, negatives } = classCounts(labels);
  const order = ascendingOrder(scores);
  let positiveRankSum = 0;
  forEachTieRun(order, scores, (start, end) => {
    const averageRank = (start + 1 + end) / 2;
    for (let position = start; position < end; position++) {
      if (labels[order[position]!] === 1) positiveRankSum += averageRank;
    }
  });
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Kolmogorov–Smirnov: the largest gap between the score CDFs of negatives and positives (ties cut together). */
export function ks(scores: readonly number[], labels: readonly number[]): number {
  assertPaired(scores, labels);
  const { positives, negatives } = classCounts(labels);
  const order = ascendingOrder(scores);
  let positivesBelow = 0;
  let negativesBelow = 0;
  let largestGap = 0;
  forEachTieRun(order, scores, (start, end) => {
    for (let position = start; position < end; position++) {
      if (labels[order[position]!] === 1) positivesBelow++;
      else negativesBelow++;
    }
    largestGap = Math.max(largestGap, Math.abs(negativesBelow / negatives - positivesBelow / positives));
  });
  return largestGap;
}

/** Mean squared error of predicted probabilities against outcomes. */
export function brier(probabilities: readonly number[], labels: readonly number[]): number {
  assertPaired(probabilities, labels);
  let total = 0;
  for (let index = 0; index < probabilities.length; index++) {
    total += (probabilities[index]! - labels[index]!) ** 2;
  }
  return total / probabilities.length;
}
