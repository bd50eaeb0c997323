/**
 * A loopback stand-in for an OpenAI-compatible endpoint (the one part that cannot run here: a paid LLM API).
 * It records each request and answers with what the test scripted: a completion, an HTTP error, garbage,
 * or nothing at all (to exercise timeouts).
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export type StubBehaviour =
  | { kind: "reply"; content: string }
  | { kind: "status"; status: number }
  | { kind: "garbage" }
  | { kind: "hang" };

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage["headers"];
  body: { model: string; messages: { role: string; content: string }[] };
}

export async function startLlmStub(initial: StubBehaviour = { kind: "reply", content: "ok" }) {
  let behaviour = initial;
  const requests: RecordedRequest[] = [];
  const server = createServer(async (req, res) => {
    let text = "";
    for await (const chunk of req) text += chunk;
    requests.push({ path: req.url ?? "", headers: req.headers, body: JSON.parse(text) });
    if (behaviour.kind === "hang") return; // never answers; the client's timeout must end the call
    if (behaviour.kind === "status") {
      res
        .writeHead(behaviour.status, { "content-type": "application/json" })
        .end('{"error":{"message":"no"}}');
      return;
    }
    if (behaviour.kind === "garbage") {
      res.writeHead(200, { "content-type": "application/json" }).end('{"choices":[]}');
      return;
    }
    res
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ choices: [{ message: { role: "assistant", content: behaviour.content } }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    set(next: StubBehaviour) {
      behaviour = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
