import { createMem0Client } from "@automatos/mem0-client";
import { type ServerFakeServer, startServerFake } from "@automatos/mem0-client/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GatewayStartError, probeMem0 } from "./startup-probe.js";

// The repo's one fake mem0 server, holding another API key than the client's: the liveness probe needs no
// key; every memory route answers 401 with the server's error body.
let fake: ServerFakeServer;
beforeAll(async () => {
  fake = await startServerFake({ apiKey: "the-servers-own-key-0123456789" });
});
afterAll(() => fake.close());

async function probeError(baseUrl: string): Promise<GatewayStartError> {
  const client = createMem0Client({ baseUrl, apiKey: "the-wrong-key-0123456789", retry: { maxAttempts: 1 } });
  try {
    await probeMem0(client, "remote");
  } catch (err) {
    expect(err).toBeInstanceOf(GatewayStartError);
    return err as GatewayStartError;
  } finally {
    await client.close();
  }
  throw new Error("expected the probe to fail");
}

describe("probeMem0", () => {
  it("names MEM0_API_KEY when mem0 refuses the key, without printing it", async () => {
    const err = await probeError(fake.url);
    expect(err.message).toContain("MEM0_API_KEY was rejected by mem0");
    expect(err.message).toContain("pnpm mem0:check");
    expect(err.message).not.toContain("the-wrong-key");
  });

  it("names MEM0_API_URL when nothing answers", async () => {
    const err = await probeError("http://127.0.0.1:9");
    expect(err.message).toMatch(/MEM0_API_URL is not reachable \((unavailable|timeout)\)/);
  });
});
