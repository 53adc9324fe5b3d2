import { cellIndex } from '../../lambdas/domain/scoring/risk-model';

export interface BinningOptions {
  maxBins: number;
  /** Smallest share of rows a cell may hold; thinner cells are merged into their right-hand neighbour. */
  minBinShare: number;
}

/** Rounds to 4 significant digits so edges stay readable; rows are binned with the rounded edges. */
const roundEdge = (value: number): number => (value === 0 ? 0 : Number(value.toPrecision(4)));

/** Upper-inclusive cell edges at the quantiles of the values, thin cells merged. */
export function quantileUpperEdges(values: readonly number[], options: BinningOptions): number[] {
  const sorted = Float64Array.from(values).sort();
  const largest = sorted[sorted.length - 1]!;
  const candidates: number[] = [];
  for (let bin = 1; bin < options.maxBins; bin++) {
    const edge = roundEdge(sorted[Math.floor((bin * sorted.length) / options.maxBins) - 1]!);
    if (edge < largest && edge !== candidates[candidates.length - 1]) candidates.push(edge);
  }
  return mergeThinCells(sorted, candidates, Math.ceil(options.minBinShare * sorted.length));
}

function cellCounts(sorted: Float64Array, edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (const value of sorted) counts[cellIndex(edges, value)]!++;
  return counts;
}

function mergeThinCells(sorted: Float64Array, candidates: number[], minCount: number): number[] {
  const edges = [...candidates];
  for (;;) {
    const counts = cellCounts(sorted, edges);
    const thin = counts.findIndex((count) => count < minCount);
    if (thin === -1 || edges.length === 0) return edges;
    // Drop the edge that closes the thin cell (or opens it, for the last cell).
    edges.splice(Math.min(thin, edges.length - 1), 1);
  }
}
