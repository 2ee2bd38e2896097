/**
 * Maximum-weight matching on a general graph: Edmonds' blossom algorithm with
 * the primal–dual method of Galil ("Efficient algorithms for finding maximum
 * matching in graphs", 1986), O(n³). A port of Joris van Rijn's well-tested
 * mwmatching.py (public domain, the basis of NetworkX's max_weight_matching);
 * the structure and names follow it so the two can be read side by side.
 *
 * Peer mentoring needs it because peers are one pool: anyone may pair with
 * anyone, so the pool is not bipartite and the assignment solver does not apply.
 *
 * With `maxCardinality` the matching has as many edges as possible and, among
 * those, the largest weight. Weights should be integers (they are, see
 * scorePair.ts): the duals then stay integers or halves and every comparison
 * is exact.
 */

import { BlossomForest, type WeightedEdge } from './blossomForest';

export type { WeightedEdge };

/** mate[v] = the vertex matched with v, or -1. */
export function maxWeightMatching(
  vertexCount: number,
  edges: readonly WeightedEdge[],
  maxCardinality: boolean,
): Int32Array {
  const n = vertexCount;
  const mateOut = new Int32Array(n).fill(-1);
  if (edges.length === 0 || n === 0) return mateOut;
  const m = new Matcher(n, edges, maxCardinality);
  m.run();
  for (let v = 0; v < n; v++) {
    const p = m.mate[v] ?? -1;
    mateOut[v] = p >= 0 ? (m.endpoint[p] ?? -1) : -1;
  }
  return mateOut;
}

/** The primal–dual stage loop over the blossom structures. */
class Matcher extends BlossomForest {
  run(): void {
    const n = this.n;
    // Each stage either augments the matching by one edge or proves it optimal.
    for (let stage = 0; stage < n; stage++) {
      this.label.fill(0);
      this.bestedge.fill(-1);
      for (let b = n; b < 2 * n; b++) this.blossombestedges[b] = null;
      this.allowedge.fill(0);
      this.queue = [];
      for (let v = 0; v < n; v++) {
        if (this.mate[v] === -1 && this.label[this.inblossom[v] ?? 0] === 0) this.assignLabel(v, 1, -1);
      }
      const augmented = this.grow();
      if (!augmented) break;
      // Blossoms whose dual reached 0 would block later stages; expand them.
      for (let b = n; b < 2 * n; b++) {
        if (
          this.blossomparent[b] === -1 &&
          (this.blossombase[b] ?? -1) >= 0 &&
          this.label[b] === 1 &&
          this.dualvar[b] === 0
        ) {
          this.expandBlossom(b, true);
        }
      }
    }
  }

  /** One stage: grow alternating trees, adjusting duals when stuck; true when the matching grew. */
  private grow(): boolean {
    for (;;) {
      if (this.scanQueue()) return true;
      if (!this.adjustDuals()) return false;
    }
  }

  /** Take S-vertices off the queue and look at their tight edges; true when it augmented. */
  private scanQueue(): boolean {
    while (this.queue.length > 0) {
      const v = this.queue.pop() ?? 0;
      for (const p of this.neighbend[v] ?? []) {
        const k = p >> 1;
        const w = this.ep(p);
        const bw = this.inblossom[w] ?? 0;
        // Re-read v's blossom each time: a blossom formed on an earlier edge may now hold both.
        if (this.inblossom[v] === bw) continue;
        let kslack = 0;
        if (!this.allowedge[k]) {
          kslack = this.slack(k);
          if (kslack <= 0) this.allowedge[k] = 1;
        }
        if (this.allowedge[k]) {
          if (this.label[bw] === 0) {
            this.assignLabel(w, 2, p ^ 1);
          } else if (this.label[bw] === 1) {
            const base = this.scanBlossom(v, w);
            if (base >= 0) this.addBlossom(base, k);
            else {
              this.augmentMatching(k);
              return true;
            }
          } else if (this.label[w] === 0) {
            this.label[w] = 2;
            this.labelend[w] = p ^ 1;
          }
        } else if (this.label[bw] === 1) {
          const b = this.inblossom[v] ?? 0;
          const cur = this.bestedge[b] ?? -1;
          if (cur === -1 || kslack < this.slack(cur)) this.bestedge[b] = k;
        } else if (this.label[w] === 0) {
          const cur = this.bestedge[w] ?? -1;
          if (cur === -1 || kslack < this.slack(cur)) this.bestedge[w] = k;
        }
      }
    }
    return false;
  }

  /** The primal–dual step; false when the optimum is reached (no more augmenting in this stage). */
  private adjustDuals(): boolean {
    const n = this.n;
    let deltatype = -1;
    let delta = 0;
    let deltaedge = -1;
    let deltablossom = -1;
    if (!this.maxCardinality) {
      deltatype = 1;
      delta = Math.min(...this.dualvar.subarray(0, n));
    }
    for (let v = 0; v < n; v++) {
      const be = this.bestedge[v] ?? -1;
      if (this.label[this.inblossom[v] ?? 0] === 0 && be !== -1) {
        const d = this.slack(be);
        if (deltatype === -1 || d < delta) {
          delta = d;
          deltatype = 2;
          deltaedge = be;
        }
      }
    }
    for (let b = 0; b < 2 * n; b++) {
      const be = this.bestedge[b] ?? -1;
      if (this.blossomparent[b] === -1 && this.label[b] === 1 && be !== -1) {
        const d = this.slack(be) / 2;
        if (deltatype === -1 || d < delta) {
          delta = d;
          deltatype = 3;
          deltaedge = be;
        }
      }
    }
    for (let b = n; b < 2 * n; b++) {
      const dv = this.dualvar[b] ?? 0;
      if (
        (this.blossombase[b] ?? -1) >= 0 &&
        this.blossomparent[b] === -1 &&
        this.label[b] === 2 &&
        (deltatype === -1 || dv < delta)
      ) {
        delta = dv;
        deltatype = 4;
        deltablossom = b;
      }
    }
    if (deltatype === -1) {
      // Max-cardinality: no more progress possible; one last dual step ends it.
      deltatype = 1;
      delta = Math.max(0, Math.min(...this.dualvar.subarray(0, n)));
    }
    for (let v = 0; v < n; v++) {
      const l = this.label[this.inblossom[v] ?? 0];
      if (l === 1) this.dualvar[v] = (this.dualvar[v] ?? 0) - delta;
      else if (l === 2) this.dualvar[v] = (this.dualvar[v] ?? 0) + delta;
    }
    for (let b = n; b < 2 * n; b++) {
      if ((this.blossombase[b] ?? -1) >= 0 && this.blossomparent[b] === -1) {
        if (this.label[b] === 1) this.dualvar[b] = (this.dualvar[b] ?? 0) + delta;
        else if (this.label[b] === 2) this.dualvar[b] = (this.dualvar[b] ?? 0) - delta;
      }
    }
    if (deltatype === 1) return false;
    if (deltatype === 2) {
      this.allowedge[deltaedge] = 1;
      let i = this.ends[2 * deltaedge] ?? 0;
      if (this.label[this.inblossom[i] ?? 0] === 0) i = this.ends[2 * deltaedge + 1] ?? 0;
      this.queue.push(i);
    } else if (deltatype === 3) {
      this.allowedge[deltaedge] = 1;
      this.queue.push(this.ends[2 * deltaedge] ?? 0);
    } else {
      this.expandBlossom(deltablossom, false);
    }
    return true;
  }
}
