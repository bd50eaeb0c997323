/** mem0:check against the loopback fake: a clean run, a run below 100%, cleanup, usage errors, no key echoed. */
import { execFile } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startServerFake } from "../testing/index.js";
import { runCheckCli } from "./check-cli.js";
import { percentile } from "./check-report.js";

const KEY = "check-admin-key-5e7f9a1b3c";
let fake: Awaited<ReturnType<typeof startServerFake>>;
beforeAll(async () => {
  fake = await startServerFake({ apiKey: KEY });
});
afterEach(() => fake.clearFaults());
afterAll(() => fake.close());

async function cli(args: string[], env = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCheckCli(args, env, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("mem0:check", () => {
  it("20 clean round trips: 100%, latency percentiles per call, exit 0, throwaway user removed", async () => {
    const before = fake.requests.length;
    const r = await cli(["--url", fake.url, "--key", KEY, "--n", "20"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("round trip success rate: 100.00% (20/20)");
    expect(r.out).toMatch(/^add\s+20\s+0\s+\d+\.\d\s+\d+\.\d\s+\d+\.\d$/m);
    expect(r.out).toMatch(/^search\s+20\s+0\s/m);
    expect(r.out).toMatch(/^delete\s+20\s+0\s/m);
    expect(r.out).toMatch(/cleanup of mem0-check-[0-9a-f-]+: ok/);
    expect(r.out).not.toContain(KEY);
    const calls = fake.requests.slice(before).map((q) => `${q.method} ${q.path}`);
    expect(calls.filter((c) => c === "POST /memories").length).toBe(20);
    expect(calls.at(-1)).toBe("DELETE /memories");
    expect(fake.requests.slice(before).every((q) => (q.body as { infer?: boolean })?.infer !== true)).toBe(
      true,
    );
    expect([...fake.store.memories.values()].some((m) => m.user_id?.startsWith("mem0-check-"))).toBe(false);
  });

  it("one failed add out of 10: 90%, the failure listed, exit 1", async () => {
    fake.inject({
      method: "POST",
      path: "/memories",
      replies: [{ status: 502, body: { detail: "x", code: "provider_timeout", request_id: "12345678" } }],
    });
    const r = await cli(["--n", "10"], { url: fake.url, apiKey: KEY });
    expect(r.code).toBe(1);
    expect(r.out).toContain("round trip success rate: 90.00% (9/10)");
    expect(r.out).toContain("1 x add: upstream 502");
  });

  it("a wrong key: 0%, exit 1, and the key is not printed", async () => {
    const r = await cli(["--url", fake.url, "--key", "wrong-key-abcdef", "--n", "3"]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("0.00% (0/3)");
    expect(r.out + r.err).not.toContain("wrong-key-abcdef");
  });

  it("usage errors exit 2", async () => {
    expect((await cli([])).code).toBe(2);
    expect((await cli(["--url", fake.url, "--n", "0"])).code).toBe(2);
    expect((await cli(["--url", fake.url, "--dialect", "cloud"])).code).toBe(2);
    expect((await cli(["--url", "not a url"])).code).toBe(2);
  });

  it("runs as a real process through tsx (the pnpm mem0:check entry)", async () => {
    const entry = join(dirname(fileURLToPath(import.meta.url)), "check.ts");
    const { stdout } = await promisify(execFile)(
      "pnpm",
      ["exec", "tsx", entry, "--url", fake.url, "--key", KEY, "--n", "3"],
      { timeout: 30_000 },
    );
    expect(stdout).toContain("100.00% (3/3)");
  });

  it("percentile is nearest-rank", () => {
    const v = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([
      percentile(v, 50),
      percentile(v, 95),
      percentile(v, 99),
      percentile([7], 99),
      percentile([], 50),
    ]).toEqual([50, 95, 99, 7, undefined]);
  });
});
