/**
 * `pnpm chat` as a user runs it: real child processes with piped stdin, no configuration but a data
 * directory (embedded mem0 + PGlite, offline). The first session tells a fact; the second, a new process on
 * the same data, recalls it with --show-memory and lists the memories. (/forget is driven in process in
 * chat-session.test.ts: every process here starts its own embedded mem0.)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { childEnv, runTsx } from "@automatos/app-runtime/testing";
import { afterAll, describe, expect, it } from "vitest";

const dataDir = mkdtempSync(join(tmpdir(), "chatbot-cli-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 }));

const chat = (stdin: string, args: string[] = [], extraEnv: Record<string, string> = {}) =>
  runTsx("src/cli/chat.ts", {
    args: ["--workspace", "acme", "--user", "alice", ...args],
    cwd: join(import.meta.dirname, ".."),
    env: childEnv({ MEMORY_DATA_DIR: dataDir, MEMORY_RECALL_BUDGET_MS: "5000", ...extraEnv }),
    stdin,
    timeoutMs: 90_000,
  });

describe("pnpm chat (child process, piped stdin)", () => {
  it("remembers across sessions, shows recall with --show-memory, lists memories", async () => {
    const first = await chat("I'm vegetarian and I live in Lisbon.\n/quit\n");
    // stderr carries logs and runtime warnings (a pg deprecation notice from the embedded engine), never errors.
    expect(first.stderr).not.toMatch(/error/i);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("bot> [offline: no LLM configured");

    const second = await chat(
      [
        "Can you suggest a vegetarian restaurant in Lisbon?",
        "thanks!",
        "/memories",
        "/forget not-an-id",
        "/nope",
        "",
      ].join("\n"),
      ["--show-memory"],
    );
    expect(second.code).toBe(0);
    const out = second.stdout;
    expect(out).toMatch(/recall: \d+ memor(y|ies) used, 1 search, [\d.]+ ms/);
    expect(out).toMatch(
      /\[1\] score \d\.\d{3} user "I'm vegetarian and I live in Lisbon\." id=[0-9a-f-]{36}/,
    );
    expect(out).toMatch(/recall: skipped \(acknowledgement\), no search/);
    expect(out).toContain("remember: skipped (trivial turn)");
    expect(out).toMatch(/[0-9a-f-]{36} {2}user {2}"I'm vegetarian and I live in Lisbon\."/);
    expect(out).toContain("error: id: must be a UUID");
    expect(out).toContain("unknown command /nope");
  }, 240_000); // two processes, each starting the embedded mem0 (seconds each on a busy 2-core machine)

  it("fails fast on bad configuration, naming the variable and what to run", async () => {
    const bad = await chat("hello\n", [], { MEM0_API_URL: "not-a-url" });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("MEM0_API_URL: must be an http(s) URL");
    expect(bad.stderr).toContain("pnpm mem0:check");
  });

  it("rejects a bad flag with exit code 2, naming the flag", async () => {
    const bad = await chat("", ["--user", "a_b"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("error: --user:");
  });
});
