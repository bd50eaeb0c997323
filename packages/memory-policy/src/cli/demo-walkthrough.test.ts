import { describe, expect, it } from "vitest";
import { buildWalkthrough } from "./demo-walkthrough.js";

const W = "3f2a9c1e-0000-4000-8000-000000000001";

describe("buildWalkthrough", () => {
  const lines = buildWalkthrough();
  const text = lines.join("\n");
  const cases: { name: string; expected: RegExp }[] = [
    {
      name: "chatbot resolution",
      expected: new RegExp(
        `1\\. Chatbot.*\\n  read:\\n    user +user_id=workspace_${W}_user_42\\n  write:\\n    user +user_id=workspace_${W}_user_42`,
      ),
    },
    {
      name: "agent writes agent-user with both ids",
      expected: new RegExp(
        `write:\\n    agent +agent_id=workspace_${W}_agent_7\\n    agent-user +user_id=workspace_${W}_user_42 agent_id=workspace_${W}_agent_7`,
      ),
    },
    {
      name: "workflow writes its run",
      expected: new RegExp(`write:\\n    run +run_id=workspace_${W}_run_1001`),
    },
    { name: "own memory allowed", expected: /user 42 reads its own memory +-> allowed \(scope "user"\)/ },
    {
      name: "other tenant reads as not found",
      expected: /of workspace 9d0b7c55\.\.\. reads it +-> NOT_FOUND: memory not found/,
    },
    {
      name: "chatbot does not see agent-user memory",
      expected: /chatbot reads agent 7's memory about user 42 +-> NOT_FOUND/,
    },
    {
      name: "collision half 1 rejected",
      expected:
        /workspace "1_user_2" \+ user "3" would be workspace_1_user_2_user_3 -> INVALID_ID: workspaceId/,
    },
    {
      name: "collision half 2 rejected",
      expected: /workspace "1" \+ user "2_user_3" would be workspace_1_user_2_user_3 -> INVALID_ID: userId/,
    },
    {
      name: "narrowing filter accepted",
      expected: /\{"topic":"food"\} -> \{"topic":"food","user_id":"workspace_3f2a/,
    },
    { name: "widening filter rejected", expected: /\{"user_id":"workspace_9d0b.*\} -> INVALID_FILTER/ },
  ];
  for (const c of cases) it(c.name, () => expect(text).toMatch(c.expected));

  it("never shows the other tenant's full workspace id next to a denial", () => {
    const denial = lines.find((line) => line.includes("9d0b7c55... reads it"));
    expect(denial).toBeDefined();
    expect(denial).not.toContain("9d0b7c55-1111");
  });
});
