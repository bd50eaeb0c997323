/**
 * A run registry kept in a JSON file, so runs left behind by a crash are still swept after a restart.
 * Every change rewrites the file through a temporary file and a rename (atomic on POSIX), so a crash
 * mid-write leaves the old or the new registry, never half of one. One process owns the file.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";
import { type RunEntry, type RunRegistry, sortExpired, toEntry } from "./run-registry.js";

const fileSchema = z.object({
  version: z.literal(1),
  runs: z.array(
    z.object({
      runId: z.string(),
      workflowId: z.string(),
      workspaceId: z.string(),
      userId: z.string(),
      expiresAt: z.number(),
    }),
  ),
});

function load(path: string): Map<string, RunEntry> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return new Map();
    throw e;
  }
  const parsed = fileSchema.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new Error(`run registry ${path}: not a registry file (${parsed.error.issues[0]?.message})`);
  return new Map(parsed.data.runs.map((r) => [r.runId, r]));
}

export function createFileRunRegistry(path: string): RunRegistry {
  const runs = load(path);
  const save = () => {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ version: 1, runs: [...runs.values()] }, null, 1));
    renameSync(tmp, path);
  };
  return {
    add: async (entry) => {
      runs.set(entry.runId, toEntry(entry));
      save();
    },
    remove: async (runId) => {
      if (runs.delete(runId)) save();
    },
    expired: async (now) => sortExpired(runs.values(), now),
    all: async () => [...runs.values()],
  };
}
