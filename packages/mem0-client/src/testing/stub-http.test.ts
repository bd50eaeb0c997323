/** The stub server's whole-server faults and counters, over real loopback HTTP. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type StubServer, startStubServer } from "./stub-http.js";

let stub: StubServer;
let handled = 0;
beforeAll(async () => {
  stub = await startStubServer(() => {
    handled++;
    return { status: 200, body: { ok: true } };
  });
});
afterAll(() => stub.close());
beforeEach(async () => {
  await stub.setMode("up");
  stub.setLatency(0);
  stub.clearFaults();
});

const get = (path = "/x", timeoutMs = 2_000) =>
  fetch(`${stub.url}${path}`, { signal: AbortSignal.timeout(timeoutMs) });

describe("startStubServer", () => {
  it("answers through the handler and counts and records requests", async () => {
    const before = stub.requestCount();
    const res = await get("/x?a=1");
    expect(await res.json()).toEqual({ ok: true });
    expect(stub.requestCount() - before).toBe(1);
    expect(stub.requests.at(-1)).toMatchObject({ method: "GET", path: "/x" });
    expect(stub.requests.at(-1)?.query.get("a")).toBe("1");
  });

  it("error mode answers 503 without calling the handler", async () => {
    await stub.setMode("error");
    const before = handled;
    expect((await get()).status).toBe(503);
    expect(handled).toBe(before);
  });

  it("hang mode never answers and counts the request in flight; leaving it resets the connection", async () => {
    await stub.setMode("hang");
    const pending = get("/x", 5_000).then(
      () => "answered",
      () => "failed",
    );
    for (let i = 0; i < 100 && stub.inFlight() === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(stub.inFlight()).toBe(1);
    await stub.setMode("up");
    expect(await pending).toBe("failed");
    for (let i = 0; i < 100 && stub.inFlight() > 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(stub.inFlight()).toBe(0);
  });

  it("refuse mode refuses connections, and up listens again on the same port", async () => {
    const url = stub.url;
    await stub.setMode("refuse");
    await expect(get()).rejects.toThrow();
    await stub.setMode("up");
    expect(stub.url).toBe(url);
    expect((await get()).status).toBe(200);
  });

  it("latency delays every answer, after the handler ran", async () => {
    stub.setLatency(150);
    const before = handled;
    const t0 = performance.now();
    const pending = get();
    await new Promise((r) => setTimeout(r, 60));
    expect(handled).toBe(before + 1);
    expect((await pending).status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
  });

  it("a standing fault answers until cleared", async () => {
    stub.inject({
      path: "/x",
      reply: () => ({ status: 500, raw: "{not json", headers: { "content-type": "application/json" } }),
    });
    expect((await get()).status).toBe(500);
    expect(await (await get()).text()).toBe("{not json");
    stub.clearFaults();
    expect((await get()).status).toBe(200);
  });
});

describe("startStubServer without recording", () => {
  it("still counts requests", async () => {
    const quiet = await startStubServer(() => ({ body: null }), { record: false });
    await fetch(quiet.url);
    expect(quiet.requests).toEqual([]);
    expect(quiet.requestCount()).toBe(1);
    await quiet.close();
  });
});
