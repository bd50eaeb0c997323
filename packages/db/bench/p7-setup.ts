import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Db } from "../src/create-db.js";
import { payloadHash } from "../src/outbox/job-input.js";
import { outbox } from "../src/schema/outbox.js";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Inserts `count` pending jobs in bulk (setup, not measured). */
export async function loadJobs(db: Db, prefix: string, count: number): Promise<void> {
  for (let start = 0; start < count; start += 1_000) {
    const rows = Array.from({ length: Math.min(1_000, count - start) }, (_, k) => {
      const i = start + k;
      const mem0Ids = { user_id: `workspace_w1_user_u${i % 50}` };
      const payload = { messages: [{ role: "user", content: `${prefix} remember ${i}` }], infer: false };
      return {
        idempotencyKey: `${prefix}-${i}`,
        userId: mem0Ids.user_id,
        payload,
        payloadHash: payloadHash({ mem0Ids, payload }),
      };
    });
    await db.insert(outbox).values(rows);
  }
}

export async function startStubProcess(): Promise<{ url: string; apiKey: string; stop(): void }> {
  const child = spawn(process.execPath, ["--import", "tsx", here("./stub-process.ts")], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const line = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
      if (out.includes("\n")) resolve(out.split("\n")[0] ?? "");
    });
    child.once("exit", (code) => reject(new Error(`stub process exited early (${code})`)));
  });
  const { url, apiKey } = JSON.parse(line) as { url: string; apiKey: string };
  return { url, apiKey, stop: () => child.stdin.end() };
}
