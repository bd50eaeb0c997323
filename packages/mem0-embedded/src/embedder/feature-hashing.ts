/** Feature hashing ("the hashing trick"): sparse named features folded into a fixed-size dense vector. */

/** 32-bit FNV-1a with a murmur3 finaliser (FNV alone spreads the low bits poorly for short keys). */
export function hash32(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Adds weighted features into `vec`. Signed hashing (+/- by one hash bit) makes collisions cancel on average
 * instead of always adding up, so colliding unrelated words do not look similar.
 */
export function addHashed(vec: Float64Array, features: Map<string, number>, signed: boolean, seed = 0): void {
  for (const [feature, weight] of features) {
    const h = hash32(feature, seed);
    const sign = signed && h & 0x80000000 ? -1 : 1;
    const idx = h % vec.length;
    vec[idx] = (vec[idx] ?? 0) + sign * weight;
  }
}

/** L2-normalised copy as a plain array; an empty input maps to a fixed unit vector (cosine stays defined). */
export function normalise(vec: Float64Array): number[] {
  let sq = 0;
  for (const v of vec) sq += v * v;
  if (sq === 0) {
    const out = new Array<number>(vec.length).fill(0);
    out[0] = 1;
    return out;
  }
  const norm = Math.sqrt(sq);
  return Array.from(vec, (v) => v / norm);
}

export function addTo(map: Map<string, number>, key: string, weight: number): void {
  map.set(key, (map.get(key) ?? 0) + weight);
}
