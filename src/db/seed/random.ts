/**
 * The demo's one seeded generator (a 32-bit LCG): the same demo on every machine and every
 * run. Not the optimizer's SeededRandom: that one feeds a search and needs better statistics;
 * this one only has to be repeatable and cheap.
 */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}
