#!/usr/bin/env node
// The README's two commands are `npm start` and `npm test`: on a fresh machine with only Node 20.19+ they
// must do all set-up. This script gets the pinned pnpm (through npx if it is not on PATH), installs the
// workspace from the frozen lockfile when node_modules is missing or older than the lockfile, then runs
// the requested root script ("main" or "check") through pnpm.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const task = process.argv[2];
if (!task) {
  console.error("usage: bootstrap.mjs <root script> [args...]");
  process.exit(2);
}
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Node ${process.versions.node} is too old: this repo needs Node 20.19+ (or 22.12+).`);
  process.exit(1);
}

const pinned = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).packageManager.split("@")[1];
const pnpm = findPnpm(pinned);
const lockfile = join(root, "pnpm-lock.yaml");
const marker = join(root, "node_modules", ".modules.yaml");
if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(lockfile).mtimeMs) {
  console.log(
    `> installing dependencies with pnpm ${pinned} (first run builds better-sqlite3 from source, ~70 s)`,
  );
  run(pnpm, ["install", "--frozen-lockfile"]);
}
run(pnpm, ["run", "--silent", task, ...process.argv.slice(3)]);

function findPnpm(version) {
  const probe = spawnSync("pnpm", ["--version"], { encoding: "utf8" });
  if (probe.status === 0 && probe.stdout.trim() === version) return ["pnpm"];
  // npx fetches the exact pinned pnpm from the npm registry once and caches it.
  return ["npx", "--yes", `pnpm@${version}`];
}

function run([cmd, ...pre], args) {
  const r = spawnSync(cmd, [...pre, ...args], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
