import { describe, expect, it } from "vitest";
import { teamDinnerWorkflow } from "../demo/team-dinner-workflow.js";
import { assertWorkflow, type WorkflowDefinition } from "./definition.js";

const step = (name: string) => ({ name, run: async () => ({ summary: "ok" }) });

describe("assertWorkflow", () => {
  it("accepts the demo workflow", () => {
    expect(() => assertWorkflow(teamDinnerWorkflow as WorkflowDefinition<never>)).not.toThrow();
  });

  it.each([
    [{ id: "Bad Id", steps: [step("a")] }, "workflow.id: must match"],
    [{ id: "w", steps: [] }, "workflow w: steps must not be empty"],
    [{ id: "w", steps: [step("a"), step("A b")] }, "workflow w: steps[1].name must match"],
    [{ id: "w", steps: [step("a"), step("a")] }, 'workflow w: steps[1].name "a" is used twice'],
  ])("rejects %j", (workflow, message) => {
    expect(() => assertWorkflow(workflow as WorkflowDefinition<never>)).toThrow(message);
  });
});
