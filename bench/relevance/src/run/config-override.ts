/**
 * `--config '<json MemoryConfigInput>'` of the tuning command: parsed, checked field by field against the
 * defaults (an unknown or mistyped field is an error naming it, not a silently ignored knob), and merged
 * over DEFAULT_CONFIG one level deeper than resolveConfig does, so `{"recall":{"floor":{"strongScore":0.2}}}`
 * changes one rule and keeps the other floor rules.
 */
import { DEFAULT_CONFIG, type MemoryConfig } from "@automatos/memory";

const kind = (v: unknown) => (Array.isArray(v) ? "array" : v === null ? "null" : typeof v);

function check(input: unknown, reference: unknown, path: string): void {
  if (kind(input) !== kind(reference))
    throw new Error(`${path}: expected ${kind(reference)}, got ${kind(input)}`);
  if (kind(reference) !== "object") return;
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    const ref = (reference as Record<string, unknown>)[key];
    if (ref === undefined) throw new Error(`${path}.${key}: unknown field`);
    check(value, ref, `${path}.${key}`);
  }
}

export function parseConfigOverride(json: string, label = "--config"): MemoryConfig {
  let input: unknown;
  try {
    input = JSON.parse(json);
  } catch (e) {
    throw new Error(`${label}: not JSON (${(e as Error).message})`);
  }
  check(input, DEFAULT_CONFIG, label);
  const o = input as { recall?: Record<string, unknown> } & Record<string, unknown>;
  const r = o.recall ?? {};
  const base = DEFAULT_CONFIG.recall;
  return {
    ...DEFAULT_CONFIG,
    ...o,
    recall: {
      ...base,
      ...r,
      floor: { ...base.floor, ...(r.floor as object | undefined) },
      gate: { ...base.gate, ...(r.gate as object | undefined) },
      dedup: { ...base.dedup, ...(r.dedup as object | undefined) },
    },
  } as MemoryConfig;
}
