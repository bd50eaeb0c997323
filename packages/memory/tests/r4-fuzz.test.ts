/**
 * R4: property-based fuzzing of every procedure's input (fast-check, 1,000 cases each) through the typed
 * in-process client on the real stack. The property: no internal error ever; every rejection is a 4xx, and a
 * validation or policy rejection names the field (in `data.field` and at the start of the message).
 */
import { TRPCClientError } from "@trpc/client";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryClient, type MemoryClient } from "../src/client/create-memory-client.js";
import type { AppRouter } from "../src/root.js";
import { procedureInputs } from "../src/testing/fuzz-inputs.js";
import { P } from "../src/testing/principals.js";
import { STACK_HOOK_TIMEOUT_MS, startTestStack, type TestStack } from "../src/testing/test-stack.js";

const RUNS = 1_000;
let t: TestStack;
let client: MemoryClient;
let inputs: ReturnType<typeof procedureInputs>;

beforeAll(async () => {
  t = await startTestStack();
  const own = [] as string[];
  const foreign = [] as string[];
  const alice = createMemoryClient({
    source: "chatbot",
    inProcess: { router: t.stack.router, createContext: () => t.stack.createContext(P.alice) },
  });
  const carol = createMemoryClient({
    source: "chatbot",
    inProcess: { router: t.stack.router, createContext: () => t.stack.createContext(P.carol) },
  });
  for (let i = 0; i < 3; i++) {
    const a = await alice.memory.add.mutate({
      messages: [{ role: "user", content: `Alice fact number ${i}` }],
    });
    const c = await carol.memory.add.mutate({
      messages: [{ role: "user", content: `Carol fact number ${i}` }],
    });
    if (a.status === "done") own.push(...a.results.map((r) => r.id));
    if (c.status === "done") foreign.push(...c.results.map((r) => r.id));
  }
  inputs = procedureInputs({ own, foreign });
  client = alice;
}, STACK_HOOK_TIMEOUT_MS);
afterAll(async () => {
  await t?.close();
}, STACK_HOOK_TIMEOUT_MS);

type Outcome = "ok" | string;
const MUTATIONS = new Set(["remember", "add", "update", "delete", "forget"]);

/**
 * Runs one input. A mem0 connection failure (SERVICE_UNAVAILABLE: reset or refused socket) or a deadline
 * (TIMEOUT) says nothing about the input; on a loaded shared machine either can happen to any call, so the
 * same input is tried once more and only a repeated failure counts. BAD_GATEWAY (mem0 choking on what we sent)
 * is never retried: that would be an input we should have refused.
 */
async function settle(
  name: keyof ReturnType<typeof procedureInputs>,
  input: unknown,
): Promise<PromiseSettledResult<unknown>> {
  const once = () =>
    Promise.allSettled([call(name, input)]).then((r) => r[0] as PromiseSettledResult<unknown>);
  const first = await once();
  const code =
    first.status === "rejected" ? (first.reason as { data?: { code?: string } }).data?.code : undefined;
  return code === "SERVICE_UNAVAILABLE" || code === "TIMEOUT" ? once() : first;
}

async function call(name: keyof ReturnType<typeof procedureInputs>, input: unknown): Promise<unknown> {
  const p = client.memory[name] as unknown as Record<"query" | "mutate", (i: unknown) => Promise<unknown>>;
  return MUTATIONS.has(name) ? p.mutate(input) : p.query(input);
}

/** Checks one outcome against the property; returns a label for the tally. */
function check(result: PromiseSettledResult<unknown>): Outcome {
  if (result.status === "fulfilled") return "ok";
  const e = result.reason;
  expect(e, String(e)).toBeInstanceOf(TRPCClientError);
  const err = e as TRPCClientError<AppRouter>;
  const data = err.data as { code: string; httpStatus: number; field: string | null } | undefined;
  expect(data?.code).not.toBe("INTERNAL_SERVER_ERROR");
  expect(data?.httpStatus).toBeGreaterThanOrEqual(400);
  expect(data?.httpStatus).toBeLessThan(500);
  if (data?.code === "BAD_REQUEST" || data?.code === "FORBIDDEN") {
    expect(data.field, err.message).toBeTruthy();
    expect(err.message.startsWith(String(data.field).split(".")[0] as string), err.message).toBe(true);
  }
  return data?.code ?? "unknown";
}

// Destructive ones last: delete removes the caller's own ids that get/history/update use; forget empties the scope.
const PROCEDURES = [
  "recall",
  "search",
  "remember",
  "add",
  "list",
  "get",
  "history",
  "update",
  "delete",
  "forget",
  "health",
] as const;

describe("R4: fuzzing every procedure input", () => {
  for (const name of PROCEDURES) {
    it(`${name}: ${RUNS} cases, no internal error, every rejection a 4xx naming the field`, async () => {
      const tally: Record<string, number> = {};
      await fc.assert(
        fc.asyncProperty(inputs[name], async (input) => {
          const outcome = check(await settle(name, input));
          tally[outcome] = (tally[outcome] ?? 0) + 1;
        }),
        { numRuns: RUNS },
      );
      console.log(`R4 ${name}: ${JSON.stringify(tally)}`);
      // No input may trip the mem0 client's breaker: that would be a denial of service for every tenant.
      expect(t.stack.mem0.breakerState()).toBe("closed");
      // Not vacuous: both the accepting and the rejecting paths ran (health has nothing to reject).
      expect(tally.ok ?? 0).toBeGreaterThan(0);
      if (name !== "health") expect(Object.keys(tally).filter((k) => k !== "ok").length).toBeGreaterThan(0);
    }, 600_000);
  }
});
