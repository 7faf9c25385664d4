export type Pair = readonly [pred: number, gt: number];

export interface DtwResult {
  /** Alignment path from (0, 0) to (n - 1, m - 1). */
  path: Pair[];
  /** Accumulated cost matrix. */
  accumulated: number[][];
}

/**
 * Dynamic time warping over a cost matrix cost[i][j] (i: predicted layer, j: ground-truth layer), steps (1,0),
 * (0,1), (1,1). Backtracking prefers the diagonal, then (i-1, j), then (i, j-1) on ties, as LayerD's dtw.py.
 */
export function dynamicTimeWarping(cost: readonly (readonly number[])[]): DtwResult {
  const n = cost.length;
  const m = cost[0]?.length ?? 0;
  if (n === 0 || m === 0) throw new RangeError('dynamicTimeWarping needs a non-empty cost matrix');
  const c = (i: number, j: number): number => cost[i]![j]!;
  const d: number[][] = Array.from({ length: n }, () => new Array<number>(m).fill(0));
  const at = (i: number, j: number): number => d[i]![j]!;
  d[0]![0] = c(0, 0);
  for (let i = 1; i < n; i++) d[i]![0] = at(i - 1, 0) + c(i, 0);
  for (let j = 1; j < m; j++) d[0]![j] = at(0, j - 1) + c(0, j);
  for (let i = 1; i < n; i++) {
    for (let j = 1; j < m; j++) d[i]![j] = c(i, j) + Math.min(at(i - 1, j), at(i, j - 1), at(i - 1, j - 1));
  }
  let i = n - 1;
  let j = m - 1;
  const path: Pair[] = [[i, j]];
  while (i > 0 || j > 0) {
    if (i === 0) j--;
    else if (j === 0) i--;
    else {
      const diag = at(i - 1, j - 1);
      const up = at(i - 1, j);
      const left = at(i, j - 1);
      if (diag <= up && diag <= left) {
        i--;
        j--;
      } else if (up <= diag && up <= left) i--;
      else j--;
    }
    path.push([i, j]);
  }
  path.reverse();
  return { path, accumulated: d };
}
