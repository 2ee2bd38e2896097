/**
 * Minimum-cost rectangular assignment: every row gets its own column (rows ≤
 * columns), total cost minimal. Shortest augmenting paths on reduced costs
 * (Jonker–Volgenant, in the rectangular form of Crouse 2016, "On implementing
 * 2D rectangular assignment algorithms", the one SciPy uses), O(rows² · cols)
 * in the worst case, far less in practice because:
 * - a greedy start assigns every row whose cheapest column is still free;
 * - among columns at equal distance a free one is taken first, which with the
 *   small integer costs of matching ends most searches at once.
 *
 * Costs are read through two index maps, cost(i, j) = matrix[rowOf[i] * stride
 * + colOf[j]], so a mentor with capacity c is c columns (slots) sharing one
 * matrix column instead of c copies of it.
 *
 * Optimality rests on the LP duals u (rows) and v (columns): u_i + v_j ≤
 * cost(i, j) everywhere, with equality on assigned pairs, v ≤ 0, and v = 0 on
 * columns left free. The greedy start sets u_i = row minimum and v = 0, which
 * satisfies all of them; each augmentation keeps them (v only decreases, and
 * only on columns already assigned, which stay assigned).
 */

export interface AssignmentProblem {
  readonly rows: number;
  /** At least `rows`. */
  readonly cols: number;
  /** Finite costs; callers give forbidden pairs a cost that no allowed set of pairs can beat. */
  readonly matrix: Float64Array;
  readonly stride: number;
  readonly rowOf: Int32Array;
  readonly colOf: Int32Array;
}

/** The column assigned to each row. */
export function minCostAssignment(p: AssignmentProblem): Int32Array {
  const { rows, cols } = p;
  if (rows > cols) throw new RangeError('minCostAssignment needs rows <= cols');
  const u = new Float64Array(rows);
  const v = new Float64Array(cols);
  const col4row = new Int32Array(rows).fill(-1);
  const row4col = new Int32Array(cols).fill(-1);
  greedyStart(p, u, col4row, row4col);

  const search = new SearchBuffers(rows, cols);
  for (let row = 0; row < rows; row++) {
    if (col4row[row] === -1) augment(p, row, u, v, col4row, row4col, search);
  }
  return col4row;
}

function greedyStart(p: AssignmentProblem, u: Float64Array, col4row: Int32Array, row4col: Int32Array): void {
  const { rows, cols, matrix, stride, rowOf, colOf } = p;
  for (let i = 0; i < rows; i++) {
    const base = (rowOf[i] ?? 0) * stride;
    let min = Number.POSITIVE_INFINITY;
    for (let j = 0; j < cols; j++) {
      const c = matrix[base + (colOf[j] ?? 0)] ?? 0;
      if (c < min) min = c;
    }
    u[i] = min;
    for (let j = 0; j < cols; j++) {
      if (row4col[j] === -1 && matrix[base + (colOf[j] ?? 0)] === min) {
        row4col[j] = i;
        col4row[i] = j;
        break;
      }
    }
  }
}

/** Scratch space reused by every search, so a large solve allocates once. */
class SearchBuffers {
  readonly shortest: Float64Array;
  readonly path: Int32Array;
  readonly remaining: Int32Array;
  readonly seenRows: Int32Array;
  readonly seenCols: Int32Array;

  constructor(rows: number, cols: number) {
    this.shortest = new Float64Array(cols);
    this.path = new Int32Array(cols);
    this.remaining = new Int32Array(cols);
    this.seenRows = new Int32Array(rows);
    this.seenCols = new Int32Array(cols);
  }
}

/** Dijkstra from `start` over reduced costs to the nearest free column, then flip the path. */
function augment(
  p: AssignmentProblem,
  start: number,
  u: Float64Array,
  v: Float64Array,
  col4row: Int32Array,
  row4col: Int32Array,
  s: SearchBuffers,
): void {
  const { cols, matrix, stride, rowOf, colOf } = p;
  const { shortest, path, remaining, seenRows, seenCols } = s;
  shortest.fill(Number.POSITIVE_INFINITY);
  for (let j = 0; j < cols; j++) remaining[j] = cols - 1 - j;
  let numRemaining = cols;
  let nRows = 0;
  let nCols = 0;
  let minVal = 0;
  let i = start;
  let sink = -1;

  while (sink === -1) {
    seenRows[nRows++] = i;
    const base = (rowOf[i] ?? 0) * stride;
    const ui = u[i] ?? 0;
    let lowest = Number.POSITIVE_INFINITY;
    let index = -1;
    for (let it = 0; it < numRemaining; it++) {
      const j = remaining[it] ?? 0;
      const r = minVal + (matrix[base + (colOf[j] ?? 0)] ?? 0) - ui - (v[j] ?? 0);
      let d = shortest[j] ?? 0;
      if (r < d) {
        path[j] = i;
        shortest[j] = r;
        d = r;
      }
      // On a tie prefer a free column: it ends the search here.
      if (d < lowest || (d === lowest && row4col[j] === -1)) {
        lowest = d;
        index = it;
      }
    }
    if (index === -1 || lowest === Number.POSITIVE_INFINITY) {
      throw new RangeError('minCostAssignment needs finite costs');
    }
    minVal = lowest;
    const j = remaining[index] ?? 0;
    seenCols[nCols++] = j;
    remaining[index] = remaining[--numRemaining] ?? 0;
    const owner = row4col[j] ?? -1;
    if (owner === -1) sink = j;
    else i = owner;
  }

  // Update the duals so that the tree's edges stay tight and nothing goes negative.
  u[start] = (u[start] ?? 0) + minVal;
  for (let k = 1; k < nRows; k++) {
    const r = seenRows[k] ?? 0;
    u[r] = (u[r] ?? 0) + minVal - (shortest[col4row[r] ?? 0] ?? 0);
  }
  for (let k = 0; k < nCols; k++) {
    const c = seenCols[k] ?? 0;
    v[c] = (v[c] ?? 0) - (minVal - (shortest[c] ?? 0));
  }

  // Flip the alternating path from the free column back to the start row.
  let j = sink;
  for (;;) {
    const r = path[j] ?? 0;
    row4col[j] = r;
    const previous = col4row[r] ?? -1;
    col4row[r] = j;
    j = previous;
    if (r === start) break;
  }
}
