import { describe, expect, it } from "vitest";
import { parseContent } from "./parse-content.js";

describe("parseContent", () => {
  const cases: { name: string; raw: string; kind: string; extra?: Record<string, unknown> }[] = [
    {
      name: "chat turn",
      raw: JSON.stringify({ type: "conversation", chat_id: "c1", user_query: "q", assistant_response: "a" }),
      kind: "conversation",
      extra: { chatId: "c1", userQuery: "q", assistantResponse: "a", source: null },
    },
    {
      name: "chat turn without the type key",
      raw: JSON.stringify({ user_query: "q", assistant_response: "a" }),
      kind: "conversation",
      extra: { chatId: null },
    },
    {
      name: "workflow subtask",
      raw: JSON.stringify({ content: "Subtask: x", task_id: "workflow_12_subtask_3b", success: false }),
      kind: "workflow",
      extra: { workflowId: "12", subtaskId: "3b", success: false },
    },
    {
      name: "task id that is not a workflow's",
      raw: JSON.stringify({ content: "Subtask: x", task_id: "adhoc-7" }),
      kind: "workflow",
      extra: { workflowId: null, subtaskId: null },
    },
    {
      name: "consolidated pattern",
      raw: JSON.stringify({
        description: "Pattern identified from 3 experiences.",
        pattern_type: "mixed_pattern",
      }),
      kind: "pattern",
    },
    {
      name: "agent factory record",
      raw: JSON.stringify({ prompt: "p", result: "r", success: true }),
      kind: "agent-execution",
    },
    {
      name: "learning engine record",
      raw: JSON.stringify({ task_type: "t", learned: "l" }),
      kind: "learning",
    },
    { name: "plain text", raw: "not json at all", kind: "invalid-json" },
    { name: "truncated JSON", raw: '{"type":"conversation","user_query":"hel', kind: "invalid-json" },
    { name: "JSON array", raw: "[1,2]", kind: "unknown" },
    { name: "JSON string", raw: '"hello"', kind: "unknown" },
    { name: "object of unknown shape", raw: '{"foo":1}', kind: "unknown" },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const parsed = parseContent(c.raw);
      expect(parsed.kind).toBe(c.kind);
      if (c.extra) expect(parsed).toMatchObject(c.extra);
    });
  }
});
