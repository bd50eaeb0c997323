/**
 * POST /memories. Inference (LLM fact extraction) runs only when the server has an LLM endpoint; otherwise
 * every add is stored verbatim and the response says `"inference":"off"` (an extra top-level key; the
 * Python server never sends it, and clients that ignore unknown keys are unaffected).
 * An add carrying an outbox job key (`metadata.automatos_job`) is idempotent: see ../job-key/job-key.ts.
 */

import { COLLECTION } from "../../engine/mem0-engine.js";
import { internals } from "../../engine/mem0-internals.js";
import { badRequest, parseOrThrow } from "../http-error.js";
import {
  ensureJobKeyIndexes,
  findJobMemories,
  isUniqueViolation,
  JOB_PART,
  type JobScope,
  jobKeyOf,
} from "../job-key/job-key.js";
import { KeyedLock } from "../job-key/keyed-lock.js";
import type { RouteContext, RouteResult } from "../route-table.js";
import { memoryCreateSchema } from "../validation/schemas.js";
import { idFilters } from "./id-filters.js";

export async function addMemories({ engine, body }: RouteContext): Promise<RouteResult> {
  const req = parseOrThrow(memoryCreateSchema, body, "body", "Message");
  const ids = idFilters(req);
  if (Object.keys(ids).length === 0)
    throw badRequest("At least one identifier (user_id, agent_id, run_id) is required.");
  if (req.memory_type != null) {
    if (req.memory_type !== "procedural_memory")
      throw badRequest(`Invalid memory_type '${req.memory_type}'. Only 'procedural_memory' is supported.`);
    throw badRequest(
      "memory_type 'procedural_memory' is not supported by the embedded mem0 engine (mem0ai/oss).",
    );
  }
  const infer = (req.infer ?? true) && engine.inference === "on";
  if (infer && req.prompt != null)
    throw badRequest(
      "prompt is not supported by the embedded mem0 engine (mem0ai/oss has no per-call prompt).",
    );
  if (req.messages.length > 0 && req.messages.every((m) => m.content.trim() === ""))
    throw badRequest(
      "messages array cannot contain only blank content. Provide at least one message with non-empty content.",
    );

  const common = {
    userId: ids.user_id,
    agentId: ids.agent_id,
    runId: ids.run_id,
    ...(req.expiration_date != null ? { expirationDate: req.expiration_date } : {}),
  };
  const metadata = req.metadata ?? {};
  if (!infer && req.messages.length === 0)
    throw badRequest("messages array cannot be empty. Provide at least one message with non-empty content.");
  const add: AddArgs = { engine, messages: req.messages, common, metadata };

  const key = jobKeyOf(req.metadata);
  if (key === undefined) return infer ? inferredAdd(add) : verbatimAdd(add);
  // An add of an outbox job: answer what the job already stored, add only what is missing.
  return jobLock.run(key, async () => {
    const store = internals(engine.memory).vectorStore;
    if (store) await ensureJobKeyIndexes(engine.db, COLLECTION, store);
    // Verbatim: no lookup first. Nearly every delivery is a job's first, and the unique (key, part, ids)
    // index refuses a part already stored, which verbatimAdd then answers from the table; the lookup cost
    // ~0.6 ms of the engine's thread per add, mostly planning (README, "Idempotent adds by job key").
    if (!infer) return verbatimAdd(add, { key, ids });
    const stored = await findJobMemories(engine.db, COLLECTION, key, ids);
    return stored.length > 0
      ? {
          body: {
            results: stored.map(({ id, memory }) => ({ id, memory, event: "NONE" })),
            inference: "on",
          },
        }
      : inferredAdd(add);
  });
}

const jobLock = new KeyedLock();

interface AddArgs {
  engine: RouteContext["engine"];
  messages: { role: string; content: string }[];
  common: { userId?: string; agentId?: string; runId?: string; expirationDate?: string };
  metadata: Record<string, unknown>;
}

async function inferredAdd({ engine, messages, common, metadata }: AddArgs): Promise<RouteResult> {
  const { results } = await engine.memory.add(messages, { ...common, metadata, infer: true });
  engine.noteWrites(results.length);
  return {
    body: {
      results: results.map((r) => ({ id: r.id, memory: r.memory, event: eventOf(r.metadata) })),
      inference: "on",
    },
  };
}

/**
 * Verbatim: one memory per non-system message, its role kept in the payload as the Python engine does.
 * One engine call per message so each memory carries its own role. With a job key, a message whose memory
 * is already stored (the unique index refuses its insert) is answered from the table with event "NONE".
 */
async function verbatimAdd(
  { engine, messages, common, metadata }: AddArgs,
  job?: { key: string; ids: JobScope },
): Promise<RouteResult> {
  const results: Record<string, unknown>[] = [];
  let written = 0;
  for (const [part, message] of messages.entries()) {
    if (message.role === "system" || message.content.trim() === "") continue;
    const item = (id: string, memory: string, event: string) => ({
      id,
      memory,
      event,
      actor_id: null,
      role: message.role,
    });
    try {
      const out = await engine.memory.add([message], {
        ...common,
        metadata: { ...metadata, role: message.role, ...(job ? { [JOB_PART]: part } : {}) },
        infer: false,
      });
      for (const r of out.results) results.push(item(r.id, r.memory, eventOf(r.metadata)));
      written += out.results.length;
    } catch (error) {
      // The unique (key, part, ids) index refused a second copy: answer the copy that is there.
      if (!job || !isUniqueViolation(error)) throw error;
      const again = await findJobMemories(engine.db, COLLECTION, job.key, job.ids);
      const winner = again.find((m) => m.part === part);
      if (!winner) throw error;
      results.push(item(winner.id, winner.memory, "NONE"));
    }
  }
  engine.noteWrites(written);
  return { body: { results, inference: "off" } };
}

function eventOf(metadata: Record<string, unknown> | undefined): string {
  const event = metadata?.event;
  return typeof event === "string" ? event : "ADD";
}
