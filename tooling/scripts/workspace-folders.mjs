// The folders that hold workspace packages, read from pnpm-workspace.yaml's `packages:` globs ("apps/*", ...),
// so that tools which walk the packages (the test summary, the root vitest entry) never miss a folder added there.
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** @param {string} root the repository root @returns {string[]} e.g. ["apps", "packages", ...] */
export function workspaceFolders(root) {
  const yaml = readFileSync(join(root, "pnpm-workspace.yaml"), "utf8");
  const folders = [...yaml.matchAll(/^\s+-\s+["']?([\w-]+)\/\*["']?\s*$/gm)].map((m) => m[1]);
  if (folders.length === 0) throw new Error('pnpm-workspace.yaml lists no package folders ("<folder>/*")');
  return folders;
}
