/**
 * One scope's memory vectors, unit-normalised, in one growing Float32Array: the exact cosine top-k of a small
 * or mid-sized tenant costs n x dims multiply-adds in JS (10k x 384 is a few milliseconds), where pgvector in
 * WebAssembly pays ~10 us per distance (measured: this package's README, "Vectors in JS").
 */

export interface Neighbour {
  id: string;
  /** cosine similarity clamped to 0..1, as mem0's pgvector store reports a hit's score */
  cosine: number;
}

export class VectorMatrix {
  private data: Float32Array;
  private readonly ids: string[] = [];
  private readonly rowOf = new Map<string, number>();

  constructor(
    readonly dimensions: number,
    initialRows = 16,
  ) {
    this.data = new Float32Array(Math.max(1, initialRows) * dimensions);
  }

  get size(): number {
    return this.ids.length;
  }

  has(id: string): boolean {
    return this.rowOf.has(id);
  }

  /** Adds the vector, or replaces the one stored under `id`. */
  upsert(id: string, vector: ArrayLike<number>): void {
    if (vector.length !== this.dimensions)
      throw new Error(`vector has ${vector.length} dimensions, the matrix ${this.dimensions}`);
    let row = this.rowOf.get(id);
    if (row === undefined) {
      row = this.ids.length;
      if ((row + 1) * this.dimensions > this.data.length) this.grow();
      this.ids.push(id);
      this.rowOf.set(id, row);
    }
    this.data.set(unit(vector, this.dimensions), row * this.dimensions);
  }

  /** Removes `id` by moving the last row into its place; false when it was not there. */
  remove(id: string): boolean {
    const row = this.rowOf.get(id);
    if (row === undefined) return false;
    const last = this.ids.length - 1;
    if (row !== last) {
      const lastId = this.ids[last] as string;
      this.data.copyWithin(row * this.dimensions, last * this.dimensions, (last + 1) * this.dimensions);
      this.ids[row] = lastId;
      this.rowOf.set(lastId, row);
    }
    this.ids.pop();
    this.rowOf.delete(id);
    return true;
  }

  /** The `limit` most similar rows, best first (exact: every row is compared). */
  nearest(query: ArrayLike<number>, limit: number): Neighbour[] {
    const q = unit(query, this.dimensions);
    const k = Math.min(limit, this.ids.length);
    if (k <= 0) return [];
    // A sorted window of the best k so far (ascending): most rows lose to its first entry and cost one compare.
    const bestRows = new Int32Array(k);
    const bestScores = new Float64Array(k).fill(Number.NEGATIVE_INFINITY);
    for (let row = 0; row < this.ids.length; row++) {
      const score = this.dot(q, row);
      if (score <= (bestScores[0] as number)) continue;
      let at = 0;
      while (at + 1 < k && (bestScores[at + 1] as number) < score) {
        bestScores[at] = bestScores[at + 1] as number;
        bestRows[at] = bestRows[at + 1] as number;
        at++;
      }
      bestScores[at] = score;
      bestRows[at] = row;
    }
    const out: Neighbour[] = [];
    for (let i = k - 1; i >= 0; i--) {
      if (bestScores[i] === Number.NEGATIVE_INFINITY) continue;
      out.push({ id: this.ids[bestRows[i] as number] as string, cosine: clamp01(bestScores[i] as number) });
    }
    return out;
  }

  /** The cosine of `query` with the row stored under `id`, or undefined when the id is not here. */
  cosineOf(query: ArrayLike<number>, id: string): number | undefined {
    const row = this.rowOf.get(id);
    return row === undefined ? undefined : clamp01(this.dot(unit(query, this.dimensions), row));
  }

  /**
   * Four running sums instead of one: V8 does not vectorise this loop, and one sum makes every multiply-add
   * wait for the previous one. A 10k x 384 scan took 8.6 ms with one sum and 4.8 ms with four (README,
   * "Vectors in JS").
   */
  private dot(q: Float64Array, row: number): number {
    const data = this.data;
    const dims = this.dimensions;
    let o = row * dims;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let d = 0;
    for (const whole = dims - (dims % 4); d < whole; d += 4, o += 4) {
      s0 += (q[d] as number) * (data[o] as number);
      s1 += (q[d + 1] as number) * (data[o + 1] as number);
      s2 += (q[d + 2] as number) * (data[o + 2] as number);
      s3 += (q[d + 3] as number) * (data[o + 3] as number);
    }
    for (; d < dims; d++, o++) s0 += (q[d] as number) * (data[o] as number);
    return s0 + s1 + s2 + s3;
  }

  private grow(): void {
    const bigger = new Float32Array(this.data.length * 2);
    bigger.set(this.data);
    this.data = bigger;
  }
}

function unit(vector: ArrayLike<number>, dimensions: number): Float64Array {
  if (vector.length !== dimensions)
    throw new Error(`query has ${vector.length} dimensions, the matrix ${dimensions}`);
  let sq = 0;
  for (let d = 0; d < dimensions; d++) sq += (vector[d] as number) ** 2;
  const scale = sq > 0 ? 1 / Math.sqrt(sq) : 0;
  const q = new Float64Array(dimensions);
  for (let d = 0; d < dimensions; d++) q[d] = (vector[d] as number) * scale;
  return q;
}

function clamp01(x: number): number {
  return Math.max(0, Math.min(1, x));
}
