/**
 * A loopback stand-in for an OpenAI-compatible API (chat completions + embeddings): the one thing that
 * cannot run here. Its behaviour is switchable per test (answer, fail with a status, or hang).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createLocalEmbedder } from "../embedder/local-embedder.js";

export type StubMode = { kind: "ok" } | { kind: "status"; status: number } | { kind: "hang" };

export interface OpenAiStub {
  baseUrl: string;
  /** Behaviour of each endpoint, switchable per test. */
  modes: { llm: StubMode; embeddings: StubMode };
  /** Facts the fake LLM "extracts" from any conversation. */
  facts: string[];
  calls: { path: string; body: unknown }[];
  close(): Promise<void>;
}

export async function startOpenAiStub(dimensions: number): Promise<OpenAiStub> {
  const embedder = createLocalEmbedder({ dimensions });
  const hanging = new Set<() => void>();
  const stub: OpenAiStub = {
    baseUrl: "",
    modes: { llm: { kind: "ok" }, embeddings: { kind: "ok" } },
    facts: [],
    calls: [],
    close: async () => undefined,
  };
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => {
      raw += c;
    });
    req.on("end", () => {
      const body = raw ? JSON.parse(raw) : undefined;
      stub.calls.push({ path: req.url ?? "", body });
      const isEmbeddings = Boolean(req.url?.endsWith("/embeddings"));
      const mode = isEmbeddings ? stub.modes.embeddings : stub.modes.llm;
      if (mode.kind === "hang") {
        hanging.add(() => res.destroy());
        return;
      }
      res.setHeader("content-type", "application/json");
      if (mode.kind === "status") {
        res
          .writeHead(mode.status)
          .end(JSON.stringify({ error: { message: "stubbed failure", type: "server_error" } }));
        return;
      }
      if (isEmbeddings) {
        const input: string[] = Array.isArray(body.input) ? body.input : [body.input];
        res.end(
          JSON.stringify({
            object: "list",
            data: input.map((t, index) => ({ object: "embedding", index, embedding: embedder.embed(t) })),
          }),
        );
        return;
      }
      const content = JSON.stringify({ memory: stub.facts.map((text, i) => ({ id: String(i), text })) });
      res.end(
        JSON.stringify({
          id: "chatcmpl-stub",
          object: "chat.completion",
          created: 0,
          model: body?.model ?? "stub",
          choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content } }],
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  stub.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  stub.close = async () => {
    for (const end of hanging) end();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return stub;
}
