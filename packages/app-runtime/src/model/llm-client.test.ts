import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLlmStub } from "../testing/llm-stub.js";
import { createLlmModel } from "./llm-client.js";
import { LlmError } from "./llm-error.js";

const API_KEY = "sk-test-secret-key-000";
const CONTEXT =
  '<memory-context nonce="n1">\n[1] (user, 2026-01-01) "I am vegetarian"\n</memory-context nonce="n1">';

let stub: Awaited<ReturnType<typeof startLlmStub>>;
beforeAll(async () => {
  stub = await startLlmStub();
});
afterAll(() => stub.close());

const request = {
  instructions: "You are a helpful assistant.",
  context: CONTEXT,
  memories: [{ text: "I am vegetarian", scope: "user", score: 0.8 }],
  history: [
    { role: "user" as const, content: "hi, I need dinner ideas" },
    { role: "assistant" as const, content: "sure" },
  ],
  message: "What should I cook tonight?",
};

async function failure(promise: Promise<unknown>): Promise<LlmError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(LlmError);
    return e as LlmError;
  }
  throw new Error("expected an LlmError");
}

describe("createLlmModel (OpenAI-compatible over undici)", () => {
  it("sends instructions + fenced memories as the system message, then the thread, then the message", async () => {
    stub.set({ kind: "reply", content: "  Try a chickpea curry.  " });
    const model = createLlmModel({
      baseUrl: `${stub.baseUrl}/`,
      apiKey: API_KEY,
      model: "m-1",
      timeoutMs: 5_000,
    });
    const reply = await model.reply(request);
    await model.close();

    expect(reply).toBe("Try a chickpea curry.");
    const sent = stub.requests.at(-1);
    expect(sent?.path).toBe("/v1/chat/completions");
    expect(sent?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(sent?.body.model).toBe("m-1");
    expect(sent?.body.messages.map((m) => m.role)).toEqual(["system", "user", "assistant", "user"]);
    expect(sent?.body.messages[0]?.content).toBe(`${request.instructions}\n\n${CONTEXT}`);
    expect(sent?.body.messages.at(-1)?.content).toBe(request.message);
  });

  it("leaves the context out entirely when nothing was recalled", async () => {
    stub.set({ kind: "reply", content: "ok" });
    const model = createLlmModel({ baseUrl: stub.baseUrl, model: "m-1", timeoutMs: 5_000 });
    await model.reply({ ...request, context: "", memories: [] });
    await model.close();
    expect(stub.requests.at(-1)?.body.messages[0]?.content).toBe(request.instructions);
    expect(stub.requests.at(-1)?.headers.authorization).toBeUndefined();
  });

  it("times out with a clear error when the endpoint does not answer", async () => {
    stub.set({ kind: "hang" });
    const model = createLlmModel({ baseUrl: stub.baseUrl, model: "m-1", timeoutMs: 300 });
    const e = await failure(model.reply(request));
    await model.close();
    expect(e.kind).toBe("timeout");
    expect(e.message).toMatch(/LLM call to 127\.0\.0\.1:\d+ timed out after 300 ms \(raise LLM_TIMEOUT_MS/);
  });

  it("names the variable to check on 401, and never the key", async () => {
    stub.set({ kind: "status", status: 401 });
    const model = createLlmModel({ baseUrl: stub.baseUrl, apiKey: API_KEY, model: "m-1", timeoutMs: 5_000 });
    const e = await failure(model.reply(request));
    await model.close();
    expect(e).toMatchObject({ kind: "http", status: 401 });
    expect(e.message).toContain("check LLM_API_KEY");
    expect(e.message).not.toContain(API_KEY);
  });

  it("rejects an answer that is not an OpenAI chat completion", async () => {
    stub.set({ kind: "garbage" });
    const model = createLlmModel({ baseUrl: stub.baseUrl, model: "m-1", timeoutMs: 5_000 });
    const e = await failure(model.reply(request));
    await model.close();
    expect(e.kind).toBe("bad_response");
  });

  it("says the endpoint is unreachable when nothing listens", async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, "127.0.0.1", () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const model = createLlmModel({ baseUrl: `http://127.0.0.1:${port}/v1`, model: "m-1", timeoutMs: 2_000 });
    const e = await failure(model.reply(request));
    await model.close();
    expect(e.kind).toBe("unreachable");
    expect(e.message).toContain("ECONNREFUSED");
    expect(e.message).toContain("check LLM_BASE_URL");
  });
});
