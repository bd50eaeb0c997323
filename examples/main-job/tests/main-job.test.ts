/**
 * The main job as a newcomer runs it: a child process, no configuration, bounded in time (it runs each app
 * as a child process of its own). Its transcript is checked for the lines that matter: remember -> recall
 * with scores and ms, the skipped trivial turn, the agent using a learned preference, the run memory
 * forgotten, and isolation finding nothing.
 */
import { join } from "node:path";
import { type ChildResult, childEnv, runTsx } from "@automatos/app-runtime/testing";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
const BOUND_MS = 300_000; // about two minutes on the shared 2-core machine: the stack, then six app processes

const runMain = (args: string[] = []) =>
  runTsx("src/main.ts", { args, cwd: ROOT, env: childEnv({}), timeoutMs: BOUND_MS });

describe("the main job (child process)", () => {
  let run: ChildResult;
  beforeAll(async () => {
    run = await runMain();
  }, BOUND_MS + 10_000);

  it("exits 0 with every check passed", () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^main job: (\d+)\/\1 checks passed in [\d.]+ s$/m);
    expect(run.stdout).not.toContain("FAIL");
  });

  it("shows what was remembered and what each turn recalled, with scores and milliseconds", () => {
    expect(run.stdout).toMatch(
      /^alice> I'm vegetarian and I live in Lisbon\.\n {2}bot> .*\n {2}recall: 0 memories used, 1 search, [\d.]+ ms/m,
    );
    expect(run.stdout).toMatch(/^ {2}remember: queued \(job [0-9a-f-]{36}\)$/m);
    expect(run.stdout).toMatch(
      /^ {2}\(mem0 holds 2 of alice's 2 facts, delivered by the chat's outbox relay: waited \d+ ms after the session, \d+ poll\(s\)\)$/m,
    );
    expect(run.stdout).toMatch(
      /^alice> Can you suggest a vegetarian restaurant in Lisbon\?\n {2}bot> .*\n {4}- .*\n {2}recall: 1 memory used, 1 search, [\d.]+ ms \(search [\d.]+ ms, post-process [\d.]+ ms\)\n {4}\[1\] score [01]\.\d{3} user "I'm vegetarian and I live in Lisbon\." id=[0-9a-f-]{36}$/m,
    );
  });

  it("skips the trivial turn without a search and without remembering it", () => {
    expect(run.stdout).toMatch(
      /^alice> thanks!\n {2}bot> .*\n {2}recall: skipped \(acknowledgement\), no search, [\d.]+ ms\n {2}remember: skipped \(trivial turn\)$/m,
    );
  });

  it("shows the agent using a learned preference, and not giving it to another user", () => {
    expect(run.stdout).toContain('=> learned preference ("window seat") used in alice\'s later task: yes');
    expect(run.stdout).toContain("=> alice's preference visible to bob: no");
    expect(run.stdout).toMatch(
      /score [01]\.\d{3} agent-user "Plan my Porto trip next week\. For flights I always prefer a window seat\."/,
    );
  });

  it("shows a workflow run sharing memory between steps, then forgetting it", () => {
    expect(run.stdout).toMatch(/^ {2}run [0-9a-f-]{36} of team-dinner: completed in \d+ ms$/m);
    expect(run.stdout).toMatch(/step 2 choose-venue: read 3 note\(s\) from earlier steps/);
    expect(run.stdout).toContain("  run memory left after the run: 0");
    expect(run.stdout).toMatch(
      /TTL sweep: run crashed-run-1 expired -> run memory forgotten: .*; run memory left: 0/,
    );
  });

  it("finds nothing across tenants, including a by-id read of alice's memory", () => {
    expect(run.stdout).toMatch(/^mallory @ globex> .*\n {2}bot> .*\n {2}recall: 0 memories used, 1 search/m);
    expect(run.stdout).toMatch(/^bob @ acme> .*\n {2}bot> .*\n {2}recall: 0 memories used, 1 search/m);
    expect(run.stdout).toMatch(
      /^mallory @ globex: memory\.get of alice's memory [0-9a-f-]{36} -> NOT_FOUND$/m,
    );
    expect(run.stdout).toMatch(
      /^mallory @ globex: memory\.delete of alice's memory [0-9a-f-]{36} -> NOT_FOUND$/m,
    );
    expect(run.stdout).toContain("alice @ acme: memory.get of the same id -> found, unchanged");
  });

  it("rejects an unknown flag with exit code 2", async () => {
    const bad = await runMain(["--nope"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("main-job: Unknown option '--nope'");
  });
});
