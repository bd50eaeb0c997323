import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "./helpers/gateway-fixture.js";
import { signUserToken, TEST_SERVICE_SECRETS } from "./helpers/tokens.js";
import { trpcQuery } from "./helpers/trpc-http.js";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ GATEWAY_SHUTDOWN_GRACE_MS: "10000" });
});
afterAll(() => stack?.close());

describe("graceful shutdown", () => {
  it("stops accepting, finishes the in-flight request, then stops the relay and closes", async () => {
    const url = stack.gateway.url;
    const headers = {
      authorization: `Bearer ${TEST_SERVICE_SECRETS.chatbot}`,
      "x-automatos-user-token": await signUserToken({ workspaceId: "ws-1", userId: "u-1" }),
    };
    // mem0 is made slow (fault injection in the proxy) so the search is still running when shutdown starts.
    stack.proxy.delay({ method: "POST", path: "/search", ms: 1_500 });
    const inFlight = trpcQuery(url, "memory.search", {
      headers,
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
