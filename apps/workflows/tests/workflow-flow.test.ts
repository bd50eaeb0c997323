/**
 * The workflows app end to end on the embedded stack, in process and through the gateway: steps share the
 * run's memory, read the user's memory, and the run's memory is forgotten when the run completes, fails or
 * expires; the TTL sweep forgets runs left behind.
 */
import { createOfflineModel, type Identity, waitForDelivery } from "@automatos/app-runtime";
import { type ConnectionMode, TEST_RECALL_BUDGET_MS, useMemoryFixture } from "@automatos/app-runtime/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { teamDinnerWorkflow } from "../src/demo/team-dinner-workflow.js";
import { createWorkflowRunner, type WorkflowRunner } from "../src/runner/create-runner.js";
import { createMemoryRunRegistry } from "../src/runs/run-registry.js";
import type { StepDefinition, WorkflowDefinition } from "../src/workflow/definition.js";

/** A step that notes `text` in run memory. */
const noteStep = (text: string): StepDefinition<null> => ({
  name: "write",
  run: async ({ memory }) => {
    await memory.note(text);
    return { summary: "noted" };
  },
});

const fixture = useMemoryFixture();

describe.each<ConnectionMode>(["in-process", "gateway"])("workflows (%s)", (mode) => {
  const ws = `acme-${mode}`;
  let runner: WorkflowRunner;
  let alice: Identity;
  const runNotes = async (runId: string) =>
    (
      await fixture()
        .connection("workflows", mode)
        .clientFor({ ...alice, runId })
        .memory.list.query({ scopes: ["run"] })
    ).memories;

  beforeAll(async () => {
    alice = await fixture().identity(mode, ws, "alice");
    runner = createWorkflowRunner({
      memory: fixture().connection("workflows", mode),
      model: createOfflineModel(),
      registry: createMemoryRunRegistry(),
      ttlMs: 60_000,
      recallBudgetMs: TEST_RECALL_BUDGET_MS,
    });
    // What the chatbot learned about alice: the workflow may read it, never write it.
    const chat = fixture().connection("chatbot", mode).clientFor(alice);
    await chat.memory.remember.mutate({
      messages: [{ role: "user", content: "I'm vegetarian and I live in Lisbon." }],
    });
    await waitForDelivery(chat);
  });

  it("shares run memory between the steps of a run, reads the user's memory, and forgets the run at the end", async () => {
    const report = await runner.run(teamDinnerWorkflow, {
      user: alice,
      input: { request: "Plan a team dinner for eight people in Lisbon next Friday" },
    });
    expect(report.status).toBe("completed");
    expect(report.steps.map((s) => s.name)).toEqual(["gather", "choose-venue", "summarise"]);
    expect(report.steps[0]).toMatchObject({ notesWritten: 2 });
    expect(report.steps[1]?.summary).toContain(
      "Venue rule: choose a restaurant with a full vegetarian menu.",
    );
    expect(report.steps[2]?.data).toEqual({
      plan: [
        "Request: Plan a team dinner for eight people in Lisbon next Friday",
        "From the user's memory: I'm vegetarian and I live in Lisbon.",
        "Venue rule: choose a restaurant with a full vegetarian menu.",
      ],
    });
    // mem0 deletes the run scope in one call and reports no count; the listing below is the proof.
    expect(report.forgotten).toMatchObject({ ok: true, complete: true });
    expect(await runNotes(report.runId)).toEqual([]);
    expect(await runner.registry.all()).toEqual([]);
    // The user's own memory is untouched by the run's forget.
    const mine = await fixture().connection("chatbot", mode).clientFor(alice).memory.list.query({});
    expect(mine.memories.map((m) => m.text)).toContain("I'm vegetarian and I live in Lisbon.");
  });

  it("keeps one run's memory from other runs and from the chatbot while it lives", async () => {
    const seen: Record<string, number> = {};
    const probe: WorkflowDefinition<null> = {
      id: "probe",
      steps: [
        {
          name: "write",
          async run({ memory }) {
            await memory.note("Run secret: the budget is 4000 euros.");
            return { summary: "noted" };
          },
        },
        {
          name: "look-around",
          async run({ memory }) {
            seen.own = (await memory.notes()).length;
            seen.otherRun = (await runNotes("another-run")).length;
            const chat = await fixture().connection("chatbot", mode).clientFor(alice).memory.recall.query({
              query: "What is the budget in euros?",
              timeBudgetMs: TEST_RECALL_BUDGET_MS,
            });
            seen.chatbot = chat.memories.filter((m) => m.text.includes("4000 euros")).length;
            return { summary: "looked" };
          },
        },
      ],
    };
    const report = await runner.run(probe, { user: alice, input: null });
    expect(report.status).toBe("completed");
    expect(seen).toEqual({ own: 1, otherRun: 0, chatbot: 0 });
  });

  it("forgets the run's memory when a step fails", async () => {
    const failing: WorkflowDefinition<null> = {
      id: "failing",
      steps: [
        noteStep("half-done work"),
        { name: "explode", run: async () => Promise.reject(new Error("upstream API returned 500")) },
        { name: "never", run: async () => ({ summary: "unreachable" }) },
      ],
    };
    const report = await runner.run(failing, { user: alice, input: null });
    expect(report).toMatchObject({
      status: "failed",
      failure: { step: "explode", error: "upstream API returned 500" },
    });
    expect(report.steps.map((s) => s.name)).toEqual(["write"]);
    expect(report.forgotten).toMatchObject({ ok: true, complete: true });
    expect(await runNotes(report.runId)).toEqual([]);
  });

  it("expires a run that outlives its time to live, and forgets it", async () => {
    const slow: WorkflowDefinition<null> = {
      id: "slow",
      steps: [
        noteStep("started"),
        {
          name: "wait",
          run: ({ signal }) =>
            new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason))),
        },
      ],
    };
    const report = await runner.run(slow, { user: alice, input: null, ttlMs: 1_500 });
    expect(report.status).toBe("expired");
    expect(report.forgotten).toMatchObject({ ok: true, complete: true });
    expect(await runNotes(report.runId)).toEqual([]);
  });

  it("sweeps runs left behind (a crash before the end) once they expire", async () => {
    let now = 1_000_000;
    const registry = createMemoryRunRegistry();
    const sweeper = createWorkflowRunner({
      memory: fixture().connection("workflows", mode),
      model: createOfflineModel(),
      registry,
      ttlMs: 60_000,
      now: () => now,
    });
    // A run that wrote its memory and then its process died: registered, never forgotten.
    const runId = `crashed-${mode}`;
    await registry.add({ runId, workflowId: "w", workspaceId: ws, userId: "alice", expiresAt: now + 60_000 });
    await fixture()
      .connection("workflows", mode)
      .clientFor({ ...alice, runId })
      .memory.add.mutate({
        messages: [{ role: "user", content: "left behind" }],
        scope: "run",
        infer: false,
      });
    expect(await sweeper.sweepExpired()).toEqual([]); // not expired yet
    now += 60_001;
    const swept = await sweeper.sweepExpired();
    if (mode === "in-process") {
      expect(swept).toEqual([
        { runId, workflowId: "w", forgotten: expect.objectContaining({ ok: true, complete: true }) },
      ]);
      expect(await runNotes(runId)).toEqual([]);
      expect(await registry.all()).toEqual([]);
    } else {
      // Through the gateway a forget needs the user's token, which a crashed process took with it.
      expect(swept[0]?.forgotten).toEqual({ ok: false, error: expect.stringContaining("no user token") });
      expect((await runNotes(runId)).map((m) => m.text)).toEqual(["left behind"]);
      expect(await registry.all()).toHaveLength(1);
    }
  });
});
