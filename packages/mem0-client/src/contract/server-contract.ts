/**
 * Runs the server-dialect contract (server-contract-cases.ts) as a vitest suite against any target: the
 * loopback fake in this package, the embedded mem0 (packages/mem0-embedded), or a real server.
 *
 * @example
 * // in another package's *.test.ts
 * import { runServerContract } from "@automatos/mem0-client/contract";
 * let mem0: { url: string; apiKey: string; close(): Promise<void> };
 * beforeAll(async () => { mem0 = await startEmbeddedMem0({ dataDir }); });
 * afterAll(() => mem0.close());
 * runServerContract("embedded mem0 honours the server contract", () => ({ baseUrl: mem0.url, apiKey: mem0.apiKey }));
 */
import { afterAll, beforeAll, describe, it } from "vitest";
import { type ContractContext, type ContractTarget, createContractContext } from "./contract-context.js";
import { type ContractCase, serverContractCases } from "./server-contract-cases.js";

export function runServerContract(
  describeName: string,
  getTarget: () => ContractTarget | Promise<ContractTarget>,
  cases: readonly ContractCase[] = serverContractCases,
): void {
  describe(describeName, () => {
    let ctx: ContractContext | undefined;
    let cleanup: (() => Promise<void>) | undefined;

    // getTarget is called here, not at collection time: the caller's own beforeAll starts the target first.
    beforeAll(async () => {
      const made = createContractContext(await getTarget());
      ctx = made.ctx;
      cleanup = made.cleanup;
    });
    afterAll(async () => {
      await cleanup?.();
    });

    for (const c of cases) {
      it(c.name, async () => {
        if (!ctx) throw new Error("contract target was not set up (did getTarget throw?)");
        await c.run(ctx);
      });
    }
  });
}
