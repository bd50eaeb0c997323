import { describe, expect, it } from "vitest";
import { createAgentRegistry, UnknownAgentError } from "./agent-registry.js";
import { DEFAULT_AGENTS } from "./default-agents.js";

const agent = (id: string) => ({ id, name: `Agent ${id}`, instructions: "Do the task." });

describe("createAgentRegistry", () => {
  it("serves the shipped agents by id", () => {
    const registry = createAgentRegistry(DEFAULT_AGENTS);
    expect(registry.get("trip-planner").name).toBe("Trip planner");
    expect(registry.list().map((a) => a.id)).toEqual(["trip-planner", "meeting-scribe"]);
  });

  it("names the known agents when asked for an unknown one", () => {
    const registry = createAgentRegistry([agent("a1")]);
    expect(() => registry.get("nope")).toThrow(UnknownAgentError);
    expect(() => registry.get("nope")).toThrow('agentId: no agent "nope" (known: a1)');
  });

  it.each([
    [[agent("has_underscore")], "agents[0].id:"],
    [[agent("")], "agents[0].id:"],
    [[{ ...agent("a1"), instructions: " " }], "agents[0].instructions:"],
    [[{ ...agent("a1"), extra: true }], "agents[0]."],
    [[agent("a1"), agent("a1")], 'agents[1].id: "a1" is defined twice'],
  ])("rejects bad definitions at start: %j", (defs, message) => {
    expect(() => createAgentRegistry(defs)).toThrow(message);
  });
});
