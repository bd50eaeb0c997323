import { DEFAULT_CONFIG } from "@automatos/memory";
import { describe, expect, it } from "vitest";
import { parseConfigOverride } from "./config-override.js";

describe("parseConfigOverride", () => {
  it("changes one floor rule and keeps the others and every other default", () => {
    const c = parseConfigOverride('{"recall":{"floor":{"strongScore":0.2},"searchTopK":30}}');
    expect(c.recall.floor).toEqual({ ...DEFAULT_CONFIG.recall.floor, strongScore: 0.2 });
    expect(c.recall.searchTopK).toBe(30);
    expect(c.recall.maxMemories).toBe(DEFAULT_CONFIG.recall.maxMemories);
    expect(c.recall.gate).toEqual(DEFAULT_CONFIG.recall.gate);
    expect(c.mem0TimeoutMs).toBe(DEFAULT_CONFIG.mem0TimeoutMs);
  });

  it("names an unknown field", () => {
    expect(() => parseConfigOverride('{"recall":{"floor":{"strongScor":0.2}}}', "--config #2")).toThrow(
      "--config #2.recall.floor.strongScor: unknown field",
    );
  });

  it("names a mistyped field", () => {
    expect(() => parseConfigOverride('{"recall":{"maxMemories":"10"}}')).toThrow(
      "--config.recall.maxMemories: expected number, got string",
    );
  });

  it("refuses text that is not JSON", () => {
    expect(() => parseConfigOverride("{recall:")).toThrow(/--config: not JSON/);
  });
});
