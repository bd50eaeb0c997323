import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "../src/testing/gateway-fixture.js";
import { signUserToken, TEST_SERVICE_SECRETS, type UserTokenClaims } from "../src/testing/tokens.js";
import { trpcError, trpcMutation, trpcQuery } from "../src/testing/trpc-http.js";

const AUDIENCE = "automatos-memory";
let stack: TestStack;
let url: string;

beforeAll(async () => {
  stack = await startTestStack({
    GATEWAY_JWT_AUDIENCE: AUDIENCE,
    GATEWAY_MAX_BODY_BYTES: "4096",
    GATEWAY_SERVICE_GRANTS: "agents:agent=agent-1,workflows:runs",
  });
  url = stack.gateway.url;
});
afterAll(() => stack?.close());

type App = keyof typeof TEST_SERVICE_SECRETS;
async function headers(app: App, user: Omit<UserTokenClaims, "audience"> & { audience?: string }) {
  return {
    authorization: `Bearer ${TEST_SERVICE_SECRETS[app]}`,
    "x-automatos-user-token": await signUserToken({ audience: AUDIENCE, ...user }),
  };
}
const alice = { workspaceId: "ws-a", userId: "alice" };

describe("authentication over HTTP", () => {
  it("serves a caller with a known service token and a valid user token", async () => {
    const res = await trpcQuery(url, "memory.health", { headers: await headers("chatbot", alice) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ result: { data: { json: { mem0: { reachable: true } } } } });
  });

  const refused: { name: string; headers: () => Promise<Record<string, string>> }[] = [
    { name: "no credentials at all", headers: async () => ({}) },
    {
      name: "an unknown service token",
      headers: async () => ({
        ...(await headers("chatbot", alice)),
        authorization: "Bearer unknown-unknown-unknown-unknown",
      }),
    },
    {
      name: "a service token in the wrong scheme",
      headers: async () => ({
        ...(await headers("chatbot", alice)),
        authorization: `Token ${TEST_SERVICE_SECRETS.chatbot}`,
      }),
    },
    {
      name: "no user token",
      headers: async () => ({ authorization: `Bearer ${TEST_SERVICE_SECRETS.chatbot}` }),
    },
    { name: "an expired user token", headers: () => headers("chatbot", { ...alice, expiresIn: -30 }) },
    {
      name: "a user token for another audience",
      headers: () => headers("chatbot", { ...alice, audience: "billing" }),
    },
    {
      name: "a user token signed with another key",
      headers: () => headers("chatbot", { ...alice, secret: "attacker-secret-attacker-secret-attacker" }),
    },
  ];
  for (const c of refused) {
    it(`answers 401 with a tRPC error and no detail for ${c.name}`, async () => {
      const res = await trpcQuery(url, "memory.health", { headers: await c.headers() });
      expect(res.status).toBe(401);
      const error = trpcError(res.body);
      expect(error.data).toMatchObject({ code: "UNAUTHORIZED", httpStatus: 401 });
      expect(error.message).toBe("authentication required: send a valid service token and user token");
      expect(JSON.stringify(res.body)).not.toMatch(/stack|expired|audience|signature/i);
    });
  }

  it("refuses an agent id asserted by the chatbot app (403)", async () => {
    const res = await trpcQuery(url, "memory.health", {
      headers: { ...(await headers("chatbot", alice)), "x-automatos-agent-id": "agent-1" },
    });
    expect(res.status).toBe(403);
    expect(trpcError(res.body).data.code).toBe("FORBIDDEN");
  });

  it("refuses a user token valid for longer than the maximum lifetime (exp = 1e12)", async () => {
    const res = await trpcQuery(url, "memory.health", {
      headers: await headers("chatbot", { ...alice, expiresAt: 1e12 }),
    });
    expect(res.status).toBe(401);
    expect(trpcError(res.body).message).toBe(
      "authentication required: send a valid service token and user token",
    );
  });

  it("refuses a repeated Authorization header on the wire (400), without echoing either value", async () => {
    const h = await headers("chatbot", alice);
    for (const second of [`Bearer ${TEST_SERVICE_SECRETS.admin}`, h.authorization]) {
      // fetch would merge the two into one line; node:http sends each array item as its own header line.
      const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(`${url}/trpc/memory.health`, { timeout: 10_000 }, (r) => {
          let body = "";
          r.setEncoding("utf8");
          r.on("data", (c) => {
            body += c;
          });
          r.on("end", () => resolve({ status: r.statusCode ?? 0, body }));
        });
        req.setHeader("authorization", [h.authorization, second]);
        req.setHeader("x-automatos-user-token", h["x-automatos-user-token"]);
        req.on("timeout", () => req.destroy(new Error("timeout")));
        req.on("error", reject);
        req.end();
      });
      expect(res.status).toBe(400);
      expect(trpcError(JSON.parse(res.body)).message).toBe("the authorization header must be sent once");
      for (const secret of Object.values(TEST_SERVICE_SECRETS)) expect(res.body).not.toContain(secret);
    }
  });

  it("lets an agents token act only for the agents it is granted", async () => {
    const granted = await trpcQuery(url, "memory.list", {
      headers: { ...(await headers("agents", alice)), "x-automatos-agent-id": "agent-1" },
      input: {},
    });
    expect(granted.status).toBe(200);
    for (const [app, agent] of [
      ["agents", "agent-2"],
      ["workflows", "agent-1"],
    ] as const) {
      const res = await trpcQuery(url, "memory.list", {
        headers: { ...(await headers(app, alice)), "x-automatos-agent-id": agent },
        input: {},
      });
      expect(res.status).toBe(403);
      expect(trpcError(res.body).message).toBe(
        `the ${app} app's service token is not granted this x-automatos-agent-id (GATEWAY_SERVICE_GRANTS)`,
      );
    }
  });

  it("never writes a secret or a token into the logs", async () => {
    const h = await headers("chatbot", alice);
    await trpcQuery(url, "memory.health", { headers: h });
    await trpcQuery(url, "memory.search", { headers: h, input: { query: "my private question" } });
    const logs = stack.logs.join("");
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of Object.values(TEST_SERVICE_SECRETS)) expect(logs).not.toContain(secret);
    expect(logs).not.toContain(h["x-automatos-user-token"]);
    expect(logs).not.toContain("my private question");
  });
});

describe("a user token cannot act outside its workspace", () => {
  it("ignores identity headers and answers NOT_FOUND for another workspace's memory", async () => {
    const bobInB = await headers("chatbot", { workspaceId: "ws-b", userId: "bob" });
    const added = await trpcMutation(url, "memory.add", {
      headers: bobInB,
      input: {
        messages: [{ role: "user", content: "Bob's secret project is called Bluebird." }],
        infer: false,
      },
    });
    expect(added.status).toBe(200);
    const bobMemoryId = (added.body as { result: { data: { json: { results: { id: string }[] } } } }).result
      .data.json.results[0]?.id as string;
    expect(bobMemoryId).toMatch(/^[0-9a-f-]{36}$/);

    // Alice (workspace A) tries to name workspace B and Bob through headers: they are not identity sources.
    const aliceClaimingB = {
      ...(await headers("chatbot", alice)),
      "x-automatos-workspace-id": "ws-b",
      "x-automatos-user-id": "bob",
    };
    const got = await trpcQuery(url, "memory.get", { headers: aliceClaimingB, input: { id: bobMemoryId } });
    expect(got.status).toBe(404);
    expect(trpcError(got.body).data.code).toBe("NOT_FOUND");
    const searched = await trpcQuery(url, "memory.search", {
      headers: aliceClaimingB,
      input: { query: "Bluebird project" },
    });
    expect(searched.status).toBe(200);
    expect(JSON.stringify(searched.body)).not.toContain("Bluebird");
    const deleted = await trpcMutation(url, "memory.delete", {
      headers: aliceClaimingB,
      input: { id: bobMemoryId },
    });
    expect(deleted.status).toBe(404);

    // Bob still has it.
    const bobGets = await trpcQuery(url, "memory.get", { headers: bobInB, input: { id: bobMemoryId } });
    expect(bobGets.status).toBe(200);
  });
});

describe("prototype keys in metadata", () => {
  // Raw JSON bodies: "__proto__" is an own key after JSON.parse, the way any non-JavaScript client sends it.
  const bodies: { name: string; procedure: string; body: string; field: string }[] = [
    {
      name: "__proto__ at the top of metadata (add)",
      procedure: "memory.add",
      body: '{"json":{"messages":[{"role":"user","content":"I like tea."}],"infer":false,"metadata":{"topic":"tea","__proto__":{"isAdmin":true}}}}',
      field: "metadata.__proto__",
    },
    {
      name: "__proto__ nested, with a primitive value (remember)",
      procedure: "memory.remember",
      body: '{"json":{"messages":[{"role":"user","content":"I like tea."}],"metadata":{"a":{"__proto__":"x"}}}}',
      field: "metadata.a.__proto__",
    },
    {
      name: "constructor nested in an array (remember)",
      procedure: "memory.remember",
      body: '{"json":{"messages":[{"role":"user","content":"I like tea."}],"metadata":{"a":[{"constructor":1}]}}}',
      field: "metadata.a.0.constructor",
    },
    {
      name: "prototype (add)",
      procedure: "memory.add",
      body: '{"json":{"messages":[{"role":"user","content":"I like tea."}],"infer":false,"metadata":{"prototype":{}}}}',
      field: "metadata.prototype",
    },
  ];
  for (const c of bodies) {
    it(`refuses ${c.name} with a 400 naming the field, and nothing reaches mem0`, async () => {
      stack.proxy.reset();
      const res = await trpcMutation(url, c.procedure, {
        headers: await headers("chatbot", { workspaceId: "ws-proto", userId: "p-1" }),
        rawBody: c.body,
      });
      expect(res.status).toBe(400);
      const error = trpcError(res.body) as ReturnType<typeof trpcError> & { data: { field: string } };
      expect(error.data.field).toBe(c.field);
      expect(error.message).toContain(`${c.field}: `);
      expect(stack.proxy.calls.filter((call) => call.startsWith("POST /memories"))).toEqual([]);
    });
  }
});

describe("request body limit", () => {
  const oversized = JSON.stringify({ json: { messages: [{ role: "user", content: "x".repeat(8_000) }] } });

  it("refuses a declared Content-Length above the limit before reading it (413, nothing reaches mem0)", async () => {
    stack.proxy.reset();
    const res = await trpcMutation(url, "memory.remember", {
      headers: await headers("chatbot", alice),
      rawBody: oversized,
    });
    expect(res.status).toBe(413);
    expect(trpcError(res.body).data).toMatchObject({ code: "PAYLOAD_TOO_LARGE", httpStatus: 413 });
    expect(stack.proxy.calls).toEqual([]);
  });

  it("refuses a chunked body that grows past the limit (413)", async () => {
    const res = await trpcMutation(url, "memory.remember", {
      headers: await headers("chatbot", alice),
      rawBody: oversized,
      chunked: true,
    });
    expect(res.status).toBe(413);
    expect(trpcError(res.body).data.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("answers a batch with one error per call", async () => {
    const res = await fetch(`${url}/trpc/memory.remember,memory.remember?batch=1`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(await headers("chatbot", alice)) },
      body: JSON.stringify({ 0: JSON.parse(oversized), 1: JSON.parse(oversized) }),
    });
    expect(res.status).toBe(413);
    const body = (await res.json()) as unknown[];
    expect(body).toHaveLength(2);
  });
});

describe("request ids, health, metrics, routing", () => {
  it("echoes an acceptable x-request-id and generates one otherwise", async () => {
    const h = await headers("chatbot", alice);
    const echoed = await fetch(`${url}/trpc/memory.health`, { headers: { ...h, "x-request-id": "req-123" } });
    expect(echoed.headers.get("x-request-id")).toBe("req-123");
    const replaced = await fetch(`${url}/trpc/memory.health`, {
      headers: { ...h, "x-request-id": "not acceptable: spaces and <angle brackets>" },
    });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(stack.logs.some((l) => l.includes('"reqId":"req-123"'))).toBe(true);
  });

  it("carries the request id to mem0", async () => {
    stack.proxy.reset();
    const res = await trpcQuery(url, "memory.search", {
      headers: { ...(await headers("chatbot", alice)), "x-request-id": "trace-to-mem0-42" },
      input: { query: "anything about tea" },
    });
    expect(res.status).toBe(200);
    expect(stack.proxy.calls).toEqual(["POST /search"]);
    expect(stack.proxy.requestIds).toEqual(["trace-to-mem0-42"]);
  });

  it("reports liveness and readiness on /healthz", async () => {
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: "ok",
      live: true,
      ready: true,
      checks: { mem0: { ok: true, breaker: "closed" }, db: { ok: true, kind: "pglite" }, relay: "running" },
    });
  });

  it("exposes Prometheus metrics", async () => {
    await trpcQuery(url, "memory.health", { headers: await headers("chatbot", alice) });
    const res = await fetch(`${url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/gateway_procedure_calls_total\{procedure="memory.health",outcome="ok"\} [1-9]/);
    expect(text).toMatch(
      /gateway_procedure_calls_total\{procedure="memory.health",outcome="UNAUTHORIZED"\} [1-9]/,
    );
    expect(text).toMatch(/gateway_procedure_duration_seconds_bucket\{le="0.005",procedure="memory.search"\}/);
    expect(text).toMatch(/gateway_auth_failures_total\{reason="user_token_expired"\} [1-9]/);
    expect(text).toMatch(/gateway_mem0_call_duration_seconds_count\{operation="search",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/gateway_outbox_jobs\{state="pending"\} \d+/);
    expect(text).toMatch(/gateway_outbox_oldest_pending_age_seconds \d/);
    expect(text).toMatch(/gateway_mem0_breaker_state\{state="closed"\} 1/);
    expect(text).toMatch(/gateway_http_requests_total\{route="trpc",status="413"\} [1-9]/);
  });

  it("accepts a query sent as POST (method override, for clients that batch queries in the body)", async () => {
    const res = await trpcMutation(url, "memory.health", {
      headers: await headers("chatbot", alice),
      rawBody: "{}",
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ result: { data: { json: { mem0: { reachable: true } } } } });
  });

  it("answers 404 for anything else", async () => {
    const res = await fetch(`${url}/admin`);
    expect(res.status).toBe(404);
  });
});

// Last on purpose: it shuts the gateway down (one stack start per file is what keeps this suite bounded).
describe("graceful shutdown", () => {
  it("stops accepting, finishes the in-flight request, then stops the relay and closes", async () => {
    const h = await headers("chatbot", { workspaceId: "ws-1", userId: "u-1" });
    // mem0 is made slow (fault injection in the proxy) so the search is still running when shutdown starts.
    stack.proxy.reset();
    stack.proxy.delay({ method: "POST", path: "/search", ms: 1_500 });
    const inFlight = trpcQuery(url, "memory.search", {
      headers: h,
      input: { query: "what did I say about tea" },
    });
    for (let i = 0; i < 500 && stack.proxy.count("POST", "/search") === 0; i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(stack.proxy.count("POST", "/search")).toBe(1);

    let closed = false;
    const closing = stack.gateway.close().then(() => {
      closed = true;
    });
    await new Promise((r) => setTimeout(r, 100));
    await expect(fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) })).rejects.toThrow();
    expect(closed).toBe(false);

    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ result: { data: { json: { memories: [], searches: 1 } } } });
    await closing;
    expect(stack.gateway.stack.relay?.isRunning()).toBe(false);
    expect(stack.logs.some((l) => l.includes('"msg":"gateway stopped"') && l.includes('"drained":1'))).toBe(
      true,
    );
  });
});
