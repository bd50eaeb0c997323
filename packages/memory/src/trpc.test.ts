/**
 * The builders and the error formatter, seen from a client (localLink formats errors like the HTTP adapter).
 * Only validation and authentication paths run here: the mem0 client is real but never reached.
 */
import { createMem0Client } from "@automatos/mem0-client";
import type { Principal } from "@automatos/memory-policy";
import { createTRPCClient, localLink, TRPCClientError } from "@trpc/client";
import superjson from "superjson";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createMemoryClient } from "./client/create-memory-client.js";
import { createInnerContext } from "./context.js";
import { appRouter } from "./root.js";
import { publicProcedure, router } from "./trpc.js";

// Port 9 (discard) on loopback: nothing listens, and nothing in this file may reach it.
const mem0 = createMem0Client({ baseUrl: "http://127.0.0.1:9", apiKey: "never-sent" });
afterAll(() => mem0.close());

const clientFor = (principal: Principal | null) =>
  createMemoryClient({
    source: "chatbot",
    inProcess: { router: appRouter, createContext: async () => createInnerContext({ mem0, principal }) },
  });
const alice = clientFor({ app: "chatbot", workspaceId: "w1", userId: "alice" });

async function failure(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(TRPCClientError);
  return e as { message: string; data: Record<string, unknown> };
}

describe("errorFormatter", () => {
  const cases: { name: string; call: () => Promise<unknown>; field: string; message: RegExp }[] = [
    {
      name: "a bounded number",
      call: () => alice.memory.search.query({ query: "x", topK: 0 }),
      field: "topK",
      message: /^topK: /,
    },
    {
      name: "a nested field",
      call: () => alice.memory.add.mutate({ messages: [{ role: "user", content: "" }] }),
      field: "messages.0.content",
      message: /^messages\.0\.content: /,
    },
    {
      name: "an unknown key",
      call: () => alice.memory.list.query({ limit: 5, userId: "bob" } as never),
      field: "userId",
      message: /^userId: /,
    },
    {
      name: "a missing input",
      call: () => alice.memory.get.query(undefined as never),
      field: "input",
      message: /^input: /,
    },
    {
      name: "a metadata key",
      call: () =>
        alice.memory.add.mutate({ messages: [{ role: "user", content: "x" }], metadata: { user_id: "bob" } }),
      field: "metadata.user_id",
      message: /^metadata\.user_id: /,
    },
    {
      name: "a malformed id",
      call: () => alice.memory.get.query({ id: "../../etc/passwd" }),
      field: "id",
      message: /^id: must be a UUID/,
    },
  ];
  for (const c of cases) {
    it(`BAD_REQUEST names ${c.name}`, async () => {
      const e = await failure(c.call());
      expect(e.data).toMatchObject({ code: "BAD_REQUEST", httpStatus: 400, field: c.field });
      expect(e.message).toMatch(c.message);
      expect(e.data.zodError).toBeTruthy();
      expect(e.data).not.toHaveProperty("stack");
    });
  }

  it("a scope the app may not use is FORBIDDEN with the policy's reason, no tenant data", async () => {
    const e = await failure(alice.memory.search.query({ query: "x", scopes: ["agent"] }));
    expect(e.data).toMatchObject({ code: "FORBIDDEN", field: "kind" });
    expect(e.message).not.toMatch(/alice|w1/);
  });
});

describe("output validation", () => {
  it("a resolver returning the wrong shape is an internal error whose details stay on the server", async () => {
    const broken = router({
      leak: publicProcedure.output(z.object({ text: z.string() })).query(() => ({ text: 42 }) as never),
    });
    const client = createTRPCClient<typeof broken>({
      links: [
        localLink({
          router: broken,
          createContext: async () => createInnerContext({ mem0, principal: null }),
          transformer: superjson,
        }),
      ],
    });
    const e = await failure(client.leak.query());
    expect(e.data).toMatchObject({
      code: "INTERNAL_SERVER_ERROR",
      httpStatus: 500,
      field: null,
      zodError: null,
    });
    expect(e.message).toBe("internal error");
  });
});

describe("builders", () => {
  it("authedProcedure and scopedProcedure refuse a missing principal", async () => {
    const anonymous = clientFor(null);
    expect((await failure(anonymous.memory.health.query())).data).toMatchObject({
      code: "UNAUTHORIZED",
      httpStatus: 401,
    });
    expect((await failure(anonymous.memory.list.query())).data).toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("an invalid principal is refused naming the principal field, never echoing it", async () => {
    const forged = clientFor({ app: "chatbot", workspaceId: "w1_user_x", userId: "alice" });
    const e = await failure(forged.memory.list.query());
    expect(e.data).toMatchObject({ code: "UNAUTHORIZED" });
    expect(e.message).toMatch(/^principal\.workspaceId: invalid$/);
  });

  it("an admin has no read scope", async () => {
    const admin = clientFor({ app: "admin", workspaceId: "w1", userId: "ops" });
    expect((await failure(admin.memory.list.query())).data).toMatchObject({ code: "FORBIDDEN" });
  });
});
