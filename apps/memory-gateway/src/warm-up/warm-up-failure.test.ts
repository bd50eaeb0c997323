import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { warmUpGateway } from "./warm-up-gateway.js";

/** A server that answers every tRPC call with a 500, as a gateway whose engine is broken would. */
function failingServer(): Server {
  return createServer((_req, res) => {
    res.writeHead(500, { "content-type": "application/json" });
    res.end(JSON.stringify([{ error: { json: { message: "engine unavailable", code: -32603, data: {} } } }]));
  });
}

let server: Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
});

describe("warmUpGateway when calls fail", () => {
  it("stops at the first failure, stores and forgets nothing, and closes its port", async () => {
    let storedAsked = 0;
    const report = await warmUpGateway(
      {
        serve: () => {
          server = failingServer();
          return server;
        },
        stored: async () => {
          storedAsked++;
          return 0;
        },
      },
      { turns: 50, concurrency: 4, budgetMs: 10_000 },
    );
    expect(report.turns).toBe(0);
    expect(report.remembered).toBe(0);
    expect(report.stoppedBy).toEqual(expect.any(String));
    expect(report).toMatchObject({ delivered: false, forgotten: false });
    expect(storedAsked).toBe(0);
    expect(server?.listening).toBe(false);
  });

  it("gives up within its budget when nothing answers", async () => {
    const started = performance.now();
    const report = await warmUpGateway(
      {
        serve: () => {
          // Accepts connections and never answers: the warm-up's budget, not the calls, must end it.
          server = createServer(() => {});
          return server;
        },
        stored: async () => 0,
      },
      { turns: 10, concurrency: 2, budgetMs: 1_000 },
    );
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(report.turns).toBe(0);
    expect(report.stoppedBy).toEqual(expect.any(String));
    expect(server?.listening).toBe(false);
  });
});
