/**
 * The server contract against this package's loopback fake of the self-hosted server. The same suite runs
 * against the embedded mem0 from packages/mem0-embedded (it imports @automatos/mem0-client/contract).
 */
import { afterAll, beforeAll } from "vitest";
import { startServerFake } from "../testing/index.js";
import { runServerContract } from "./server-contract.js";

const API_KEY = "contract-admin-key-0123456789";
let fake: Awaited<ReturnType<typeof startServerFake>>;

beforeAll(async () => {
  fake = await startServerFake({ apiKey: API_KEY });
});
afterAll(() => fake.close());

runServerContract("server contract on the loopback fake", () => ({ baseUrl: fake.url, apiKey: API_KEY }));
