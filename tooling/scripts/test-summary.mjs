#!/usr/bin/env node
// Sums the per-package vitest JSON reports (written by tooling/vitest/base.ts, restored by turbo on a
// cache hit) into one closing line that CI can read: "tests: N passed, N failed, N skipped".
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { workspaceFolders } from "./workspace-folders.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
let passed = 0;
let failed = 0;
let skipped = 0;
let suites = 0;
for (const group of workspaceFolders(root)) {
  const dir = join(root, group);
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir)) {
    const report = join(dir, name, ".reports", "vitest.json");
    if (!existsSync(report)) continue;
    const r = JSON.parse(readFileSync(report, "utf8"));
    suites++;
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    if (r.numFailedTests > 0) console.log(`failures in ${group}/${name}`);
  }
}
console.log(`\n${suites} packages tested`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (failed > 0 || passed === 0) process.exit(1);
