/**
 * `/metrics` when the gateway listens beyond loopback: without GATEWAY_METRICS_TOKEN it is refused, so a
 * gateway bound to all interfaces never hands its traffic figures to anyone who can reach the port.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "../src/testing/gateway-fixture.js";

let stack: TestStack;
let base: string;

beforeAll(async () => {
  stack = await startTestStack({ GATEWAY_HOST: "0.0.0.0" });
  // Bound to every interface; reach it through loopback all the same.
  base = stack.gateway.url.replace("0.0.0.0", "127.0.0.1");
});
afterAll(() => stack?.close());

describe("a gateway bound to 0.0.0.0 without a metrics token", () => {
  it("refuses /metrics (403) even from loopback, naming the variable to set", async () => {
    const res = await fetch(`${base}/metrics`, { signal: AbortSignal.timeout(10_000) });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      error: "metrics are not served beyond loopback without GATEWAY_METRICS_TOKEN",
    });
  });

  it("still answers /healthz (an orchestrator's probe needs no credentials)", async () => {
    const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(10_000) });
    expect(res.status).toBe(200);
  });
});
