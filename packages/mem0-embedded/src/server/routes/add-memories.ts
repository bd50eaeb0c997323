/**
 * POST /memories. Inference (LLM fact extraction) runs only when the server has an LLM endpoint; otherwise
 * every add is stored verbatim and the response says `"inference":"off"` (an extra top-level key; the
 * Python server never sends it, and clients that ignore unknown keys are unaffected).
 */
import { badRequest, parseOrThrow } from "../http-error.js";
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

  if (infer) {
    const { results } = await engine.memory.add(req.messages, { ...common, metadata, infer: true });
    engine.noteWrites(results.length);
    return {
      body: {
        results: results.map((r) => ({ id: r.id, memory: r.memory, event: eventOf(r.metadata) })),
        inference: "on",
      },
    };
  }

  if (req.messages.length === 0)
    throw badRequest("messages array cannot be empty. Provide at least one message with non-empty content.");
  // Verbatim: one memory per non-system message, its role kept in the payload as the Python engine does.
  // One engine call per message so each memory carries its own role.
  const results: Record<string, unknown>[] = [];
  for (const message of req.messages) {
    if (message.role === "system" || message.content.trim() === "") continue;
    const out = await engine.memory.add([message], {
      ...common,
      metadata: { ...metadata, role: message.role },
      infer: false,
    });
    for (const r of out.results)
      results.push({
        id: r.id,
        memory: r.memory,
        event: eventOf(r.metadata),
        actor_id: null,
        role: message.role,
      });
  }
  engine.noteWrites(results.length);
  return { body: { results, inference: "off" } };
}

function eventOf(metadata: Record<string, unknown> | undefined): string {
  const event = metadata?.event;
  return typeof event === "string" ? event : "ADD";
}
