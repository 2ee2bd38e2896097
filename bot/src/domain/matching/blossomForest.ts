/**
 * The data structures of Edmonds' blossom algorithm and the operations on
 * them: labelling alternating trees, shrinking odd cycles into blossoms,
 * expanding them again, and flipping augmenting paths through them. The
 * stage loop and the dual updates that drive these are in maxWeightMatching.ts.
 * Names follow Joris van Rijn's mwmatching.py, which this ports, so the two
 * can be read side by side:
 * - vertices 0..n-1, blossoms n..2n-1 (a vertex is a trivial blossom);
 * - edge k has endpoints 2k and 2k+1; endpoint[p] is its vertex, p ^ 1 the other end;
 * - label 1 = S (outer), 2 = T (inner), 0 = free; labelend = the endpoint it was reached by;
 * - dualvar: vertex duals then blossom duals; slack(k) = dual(u) + dual(v) - 2 w(k).
 */
export interface WeightedEdge {
  readonly a: number;
  readonly b: number;
  readonly weight: number;
}

/** Python-style index: -1 is the last element (the algorithm walks blossoms both ways). */
function at(list: readonly number[], j: number): number {
  return list[j < 0 ? j + list.length : j] ?? -1;
}

export class BlossomForest {
  readonly endpoint: Int32Array;
  /** mate[v] = the endpoint index (2k or 2k+1) of v's partner, or -1. */
  readonly mate: Int32Array;
  protected readonly ends: Int32Array;
  protected readonly weight: Float64Array;
  protected readonly neighbend: number[][];
  protected readonly label: Int32Array;
  protected readonly labelend: Int32Array;
  protected readonly inblossom: Int32Array;
  protected readonly blossomparent: Int32Array;
  protected readonly blossomchilds: (number[] | null)[];
  protected readonly blossombase: Int32Array;
  protected readonly blossomendps: (number[] | null)[];
  protected readonly bestedge: Int32Array;
  protected readonly blossombestedges: (number[] | null)[];
  protected readonly unusedblossoms: number[];
  protected readonly dualvar: Float64Array;
  protected readonly allowedge: Uint8Array;
  protected queue: number[] = [];

  constructor(
    protected readonly n: number,
    edges: readonly WeightedEdge[],
    protected readonly maxCardinality: boolean,
  ) {
    const nedge = edges.length;
    this.ends = new Int32Array(2 * nedge);
    this.weight = new Float64Array(nedge);
    this.endpoint = new Int32Array(2 * nedge);
    this.neighbend = Array.from({ length: n }, () => []);
    let maxweight = 0;
    edges.forEach((e, k) => {
      this.ends[2 * k] = e.a;
      this.ends[2 * k + 1] = e.b;
      this.weight[k] = e.weight;
      this.endpoint[2 * k] = e.a;
      this.endpoint[2 * k + 1] = e.b;
      this.neighbend[e.a]?.push(2 * k + 1);
      this.neighbend[e.b]?.push(2 * k);
      if (e.weight > maxweight) maxweight = e.weight;
    });
    this.mate = new Int32Array(n).fill(-1);
    this.label = new Int32Array(2 * n);
    this.labelend = new Int32Array(2 * n).fill(-1);
    this.inblossom = Int32Array.from({ length: n }, (_, i) => i);
    this.blossomparent = new Int32Array(2 * n).fill(-1);
    this.blossomchilds = new Array(2 * n).fill(null);
    this.blossombase = Int32Array.from({ length: 2 * n }, (_, i) => (i < n ? i : -1));
    this.blossomendps = new Array(2 * n).fill(null);
    this.bestedge = new Int32Array(2 * n).fill(-1);
    this.blossombestedges = new Array(2 * n).fill(null);
    this.unusedblossoms = Array.from({ length: n }, (_, i) => n + i);
    this.dualvar = Float64Array.from({ length: 2 * n }, (_, i) => (i < n ? maxweight : 0));
    this.allowedge = new Uint8Array(nedge);
  }

  protected slack(k: number): number {
    const i = this.ends[2 * k] ?? 0;
    const j = this.ends[2 * k + 1] ?? 0;
    return (this.dualvar[i] ?? 0) + (this.dualvar[j] ?? 0) - 2 * (this.weight[k] ?? 0);
  }

  protected blossomLeaves(b: number, out: number[] = []): number[] {
    if (b < this.n) out.push(b);
    else for (const t of this.blossomchilds[b] ?? []) this.blossomLeaves(t, out);
    return out;
  }

  protected ep(p: number): number {
    return this.endpoint[p] ?? -1;
  }

  /** Label w's top blossom t (1 = S, 2 = T), reached through endpoint p; a T-blossom's mate becomes S. */
  protected assignLabel(w: number, t: number, p: number): void {
    const b = this.inblossom[w] ?? 0;
    this.label[w] = t;
    this.label[b] = t;
    this.labelend[w] = p;
    this.labelend[b] = p;
    this.bestedge[w] = -1;
    this.bestedge[b] = -1;
    if (t === 1) {
      this.queue.push(...this.blossomLeaves(b));
    } else if (t === 2) {
      const base = this.blossombase[b] ?? 0;
      const mb = this.mate[base] ?? -1;
      this.assignLabel(this.ep(mb), 1, mb ^ 1);
    }
  }

  /** Trace back from v and w; the base of a new blossom, or -1 for an augmenting path. */
  protected scanBlossom(vIn: number, wIn: number): number {
    let v = vIn;
    let w = wIn;
    const path: number[] = [];
    let base = -1;
    while (v !== -1 || w !== -1) {
      let b = this.inblossom[v] ?? 0;
      if ((this.label[b] ?? 0) & 4) {
        base = this.blossombase[b] ?? -1;
        break;
      }
      path.push(b);
      this.label[b] = 5;
      if (this.labelend[b] === -1) {
        v = -1;
      } else {
        v = this.ep(this.labelend[b] ?? 0);
        b = this.inblossom[v] ?? 0;
        v = this.ep(this.labelend[b] ?? 0);
      }
      if (w !== -1) [v, w] = [w, v];
    }
    for (const b of path) this.label[b] = 1;
    return base;
  }

  /** Shrink the odd cycle through edge k, with the given base, into a new S-blossom. */
  protected addBlossom(base: number, k: number): void {
    let v = this.ends[2 * k] ?? 0;
    let w = this.ends[2 * k + 1] ?? 0;
    const bb = this.inblossom[base] ?? 0;
    let bv = this.inblossom[v] ?? 0;
    let bw = this.inblossom[w] ?? 0;
    const b = this.unusedblossoms.pop() ?? 0;
    this.blossombase[b] = base;
    this.blossomparent[b] = -1;
    this.blossomparent[bb] = b;
    const path: number[] = [];
    const endps: number[] = [];
    while (bv !== bb) {
      this.blossomparent[bv] = b;
      path.push(bv);
      endps.push(this.labelend[bv] ?? 0);
      v = this.ep(this.labelend[bv] ?? 0);
      bv = this.inblossom[v] ?? 0;
    }
    path.push(bb);
    path.reverse();
    endps.reverse();
    endps.push(2 * k);
    while (bw !== bb) {
      this.blossomparent[bw] = b;
      path.push(bw);
      endps.push((this.labelend[bw] ?? 0) ^ 1);
      w = this.ep(this.labelend[bw] ?? 0);
      bw = this.inblossom[w] ?? 0;
    }
    this.blossomchilds[b] = path;
    this.blossomendps[b] = endps;
    this.label[b] = 1;
    this.labelend[b] = this.labelend[bb] ?? -1;
    this.dualvar[b] = 0;
    for (const leaf of this.blossomLeaves(b)) {
      if (this.label[this.inblossom[leaf] ?? 0] === 2) this.queue.push(leaf);
      this.inblossom[leaf] = b;
    }
    // Best edge from the new blossom to each neighbouring S-blossom.
    const bestedgeto = new Int32Array(2 * this.n).fill(-1);
    for (const sub of path) {
      const lists =
        this.blossombestedges[sub] ??
        this.blossomLeaves(sub).flatMap((leaf) => (this.neighbend[leaf] ?? []).map((p) => p >> 1));
      for (const e of lists) {
        let j = this.ends[2 * e + 1] ?? 0;
        if (this.inblossom[j] === b) j = this.ends[2 * e] ?? 0;
        const bj = this.inblossom[j] ?? 0;
        const cur = bestedgeto[bj] ?? -1;
        if (bj !== b && this.label[bj] === 1 && (cur === -1 || this.slack(e) < this.slack(cur))) {
          bestedgeto[bj] = e;
        }
      }
      this.blossombestedges[sub] = null;
      this.bestedge[sub] = -1;
    }
    const best = [...bestedgeto].filter((e) => e !== -1);
    this.blossombestedges[b] = best;
    let be = -1;
    for (const e of best) if (be === -1 || this.slack(e) < this.slack(be)) be = e;
    this.bestedge[b] = be;
  }

  /** Undo blossom b (at a stage's end when its dual is 0, or mid-stage when a T-blossom's dual hits 0). */
  protected expandBlossom(b: number, endstage: boolean): void {
    const childs = this.blossomchilds[b] ?? [];
    const endps = this.blossomendps[b] ?? [];
    for (const s of childs) {
      this.blossomparent[s] = -1;
      if (s < this.n) this.inblossom[s] = s;
      else if (endstage && this.dualvar[s] === 0) this.expandBlossom(s, endstage);
      else for (const leaf of this.blossomLeaves(s)) this.inblossom[leaf] = s;
    }
    if (!endstage && this.label[b] === 2) {
      // Relabel the sub-blossoms on the even path from the entry child to the base.
      const entrychild = this.inblossom[this.ep((this.labelend[b] ?? 0) ^ 1)] ?? 0;
      let j = childs.indexOf(entrychild);
      let jstep: number;
      let endptrick: number;
      if (j & 1) {
        j -= childs.length;
        jstep = 1;
        endptrick = 0;
      } else {
        jstep = -1;
        endptrick = 1;
      }
      let p = this.labelend[b] ?? 0;
      while (j !== 0) {
        this.label[this.ep(p ^ 1)] = 0;
        this.label[this.ep(at(endps, j - endptrick) ^ endptrick ^ 1)] = 0;
        this.assignLabel(this.ep(p ^ 1), 2, p);
        this.allowedge[at(endps, j - endptrick) >> 1] = 1;
        j += jstep;
        p = at(endps, j - endptrick) ^ endptrick;
        this.allowedge[p >> 1] = 1;
        j += jstep;
      }
      const bv = at(childs, j);
      this.label[this.ep(p ^ 1)] = 2;
      this.label[bv] = 2;
      this.labelend[this.ep(p ^ 1)] = p;
      this.labelend[bv] = p;
      this.bestedge[bv] = -1;
      j += jstep;
      while (at(childs, j) !== entrychild) {
        const sub = at(childs, j);
        if (this.label[sub] === 1) {
          j += jstep;
          continue;
        }
        const reached = this.blossomLeaves(sub).find((leaf) => this.label[leaf] !== 0);
        if (reached !== undefined) {
          this.label[reached] = 0;
          this.label[this.ep(this.mate[this.blossombase[sub] ?? 0] ?? 0)] = 0;
          this.assignLabel(reached, 2, this.labelend[reached] ?? 0);
        }
        j += jstep;
      }
    }
    this.label[b] = -1;
    this.labelend[b] = -1;
    this.blossomchilds[b] = null;
    this.blossomendps[b] = null;
    this.blossombase[b] = -1;
    this.blossombestedges[b] = null;
    this.bestedge[b] = -1;
    this.unusedblossoms.push(b);
  }

  /** Swap matched and unmatched edges inside blossom b along the path from vertex v to the base. */
  protected augmentBlossom(b: number, v: number): void {
    let t = v;
    while (this.blossomparent[t] !== b) t = this.blossomparent[t] ?? 0;
    if (t >= this.n) this.augmentBlossom(t, v);
    const childs = this.blossomchilds[b] ?? [];
    const endps = this.blossomendps[b] ?? [];
    const i = childs.indexOf(t);
    let j = i;
    let jstep: number;
    let endptrick: number;
    if (i & 1) {
      j -= childs.length;
      jstep = 1;
      endptrick = 0;
    } else {
      jstep = -1;
      endptrick = 1;
    }
    while (j !== 0) {
      j += jstep;
      t = at(childs, j);
      const p = at(endps, j - endptrick) ^ endptrick;
      if (t >= this.n) this.augmentBlossom(t, this.ep(p));
      j += jstep;
      t = at(childs, j);
      if (t >= this.n) this.augmentBlossom(t, this.ep(p ^ 1));
      this.mate[this.ep(p)] = p ^ 1;
      this.mate[this.ep(p ^ 1)] = p;
    }
    // Rotate so that the new base comes first.
    this.blossomchilds[b] = [...childs.slice(i), ...childs.slice(0, i)];
    this.blossomendps[b] = [...endps.slice(i), ...endps.slice(0, i)];
    this.blossombase[b] = this.blossombase[this.blossomchilds[b]?.[0] ?? 0] ?? -1;
  }

  /** Flip the augmenting path through edge k between two S-vertices' roots. */
  protected augmentMatching(k: number): void {
    const starts: [number, number][] = [
      [this.ends[2 * k] ?? 0, 2 * k + 1],
      [this.ends[2 * k + 1] ?? 0, 2 * k],
    ];
    for (let [s, p] of starts) {
      for (;;) {
        const bs = this.inblossom[s] ?? 0;
        if (bs >= this.n) this.augmentBlossom(bs, s);
        this.mate[s] = p;
        if (this.labelend[bs] === -1) break;
        const t = this.ep(this.labelend[bs] ?? 0);
        const bt = this.inblossom[t] ?? 0;
        s = this.ep(this.labelend[bt] ?? 0);
        const j = this.ep((this.labelend[bt] ?? 0) ^ 1);
        if (bt >= this.n) this.augmentBlossom(bt, j);
        this.mate[j] = this.labelend[bt] ?? 0;
        p = (this.labelend[bt] ?? 0) ^ 1;
      }
    }
  }
}
