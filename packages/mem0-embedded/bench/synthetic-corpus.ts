/**
 * A deterministic synthetic corpus of short personal facts ("Maya is allergic to peanuts since last spring")
 * and queries built from the same vocabulary, so searches have real lexical hits among many near misses.
 * It measures latency, not relevance (relevance is P10's job, on a real conversation set).
 */

const NAMES =
  "Maya Liam Noah Emma Olivia Ava Sophia Lucas Mia Ethan Zoe Arjun Priya Kenji Aiko Lars Ingrid Mateo Lucia Omar Fatima Yusuf Chen Wei Anya Dmitri Kofi Amara Tariq Leila".split(
    " ",
  );
const FACTS: [string, string[]][] = [
  [
    "likes to eat",
    "pizza sushi ramen tacos curry falafel paella dumplings lasagna pho burritos risotto".split(" "),
  ],
  ["is allergic to", "peanuts shellfish gluten pollen cats dust penicillin latex eggs soy".split(" ")],
  ["lives in", "Berlin Lisbon Nairobi Osaka Toronto Lima Oslo Seoul Cairo Austin Dublin Hanoi".split(" ")],
  ["works as a", "nurse teacher plumber pilot chef lawyer designer engineer farmer journalist".split(" ")],
  ["plays", "tennis chess violin football guitar basketball piano cricket golf volleyball".split(" ")],
  [
    "is learning",
    "Spanish Japanese pottery calculus sailing photography knitting Swahili welding".split(" "),
  ],
  ["has a pet", "dog cat parrot hamster rabbit tortoise goldfish ferret iguana".split(" ")],
  [
    "prefers to drink",
    "green tea espresso oat milk lemonade kombucha mango juice sparkling water".split(" "),
  ],
  [
    "is reading a book about",
    "volcanoes ancient Rome gardening jazz history quantum physics bees".split(" "),
  ],
  ["wants to visit", "Iceland Patagonia Morocco Bhutan Mongolia Sicily Zanzibar Kyoto".split(" ")],
];
const WHEN = [
  "",
  "",
  "since last spring",
  "every weekend",
  "most evenings",
  "after the move",
  "these days",
  "as a child",
];
const QUERY_FORMS: ((name: string, obj: string) => string)[] = [
  (n, o) => `what does ${n} know about ${o}`,
  (_n, o) => `${o}`,
  (n, o) => `does ${n} like ${o}?`,
  (_n, o) => `anything about ${o} recently`,
];

/** mulberry32: a tiny seeded PRNG, so every run builds the same corpus. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

export interface Fact {
  text: string;
  name: string;
  object: string;
}

export function memoryFact(r: () => number, i: number): Fact {
  const [predicate, objects] = pick(r, FACTS);
  const when = pick(r, WHEN);
  const name = pick(r, NAMES);
  const object = pick(r, objects);
  // The index keeps texts distinct, like real memories that differ in detail.
  return { name, object, text: `${name} ${predicate} ${object}${when ? ` ${when}` : ""} (note ${i})` };
}

export function memoryText(r: () => number, i: number): string {
  return memoryFact(r, i).text;
}

export function queryText(r: () => number): string {
  const [, objects] = pick(r, FACTS);
  return pick(r, QUERY_FORMS)(pick(r, NAMES), pick(r, objects));
}
