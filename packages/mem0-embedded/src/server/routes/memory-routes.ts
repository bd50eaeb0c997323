/**
 * /memories endpoints of the self-hosted server (docs/mem0-contract.md §1.5, §1.6), on mem0ai/oss.
 */
import type { Mem0Engine } from "../../engine/mem0-engine.js";
import { isEngineValidationError } from "../engine-errors.js";
import { badRequest, HttpError, parseOrThrow } from "../http-error.js";
import type { Route, RouteContext } from "../route-table.js";
import { type EngineHistoryRow, type EngineItem, toHistoryRows, toMemoryItem } from "../translate.js";
import { idQuerySchema, listQuerySchema, memoryUpdateSchema } from "../validation/schemas.js";
import { addMemories } from "./add-memories.js";
import { adminDump } from "./admin-sql.js";
import { type Ids, idFilters } from "./id-filters.js";

const queryObject = (q: URLSearchParams) => Object.fromEntries(q.entries());

async function listMemories({ engine, query, requestId }: RouteContext) {
  const q = parseOrThrow(listQuerySchema, queryObject(query), "query");
  const filters = idFilters(q);
  if (Object.keys(filters).length === 0)
    return { body: { results: await adminDump(engine, q.top_k ?? 1000) } };
  try {
    const { results } = await engine.memory.getAll({
      filters,
      topK: q.top_k ?? 20,
      showExpired: q.show_expired ?? false,
    });
    return { body: { results: (results as EngineItem[]).map((m) => toMemoryItem(m, "list")) } };
  } catch (err) {
    // The Python server's GET /memories has a catch-all that turns engine ValueErrors into a 502 (§1.4).
    if (isEngineValidationError(err))
      throw new HttpError(502, { detail: err.message, code: "unknown", request_id: requestId });
    throw err;
  }
}

async function getMemory({ engine, params }: RouteContext) {
  const item = await engine.memory.get(params.memory_id as string);
  return { body: item ? toMemoryItem(item as EngineItem, "get") : null };
}

async function updateMemory({ engine, params, body }: RouteContext) {
  const id = params.memory_id as string;
  const req = parseOrThrow(memoryUpdateSchema, body, "body");
  const present = Object.keys(body as object).filter(
    (k) => k === "text" || k === "metadata" || k === "expiration_date",
  );
  if (present.length === 0)
    throw badRequest("At least one of text, metadata, or expiration_date must be provided.");
  try {
    await engine.memory.update(id, {
      ...(req.text != null ? { text: req.text } : {}),
      ...(req.metadata != null ? { metadata: req.metadata } : {}),
      ...(present.includes("expiration_date") ? { expirationDate: req.expiration_date ?? null } : {}),
    });
  } catch (err) {
    if (isNotFound(err))
      throw new HttpError(404, {
        detail: `Memory with id ${id} not found. Please provide a valid 'memory_id'`,
      });
    throw err;
  }
  return { body: { message: "Memory updated successfully!" } };
}

async function deleteMemory({ engine, params }: RouteContext) {
  const id = params.memory_id as string;
  try {
    await engine.memory.delete(id);
  } catch (err) {
    if (isNotFound(err)) throw new HttpError(404, { detail: `Memory with id ${id} not found` });
    throw err;
  }
  return { body: { message: "Memory deleted successfully" } };
}

async function deleteAllMemories({ engine, query }: RouteContext) {
  const ids = idFilters(parseOrThrow(idQuerySchema, queryObject(query), "query"));
  if (Object.keys(ids).length === 0) throw badRequest("At least one identifier is required.");
  await deleteScope(engine, ids);
  return { body: { message: "All relevant memories deleted" } };
}

export async function deleteScope(engine: Mem0Engine, ids: Ids): Promise<void> {
  await engine.memory.deleteAll({ userId: ids.user_id, agentId: ids.agent_id, runId: ids.run_id });
}

async function history({ engine, params }: RouteContext) {
  const rows = (await engine.memory.history(params.memory_id as string)) as EngineHistoryRow[];
  return { body: toHistoryRows(rows) };
}

function isNotFound(err: unknown): boolean {
  return err instanceof Error && /^Memory with ID .* not found$/.test(err.message);
}

export const memoryRoutes: Route[] = [
  { method: "POST", path: "/memories", auth: true, handler: addMemories },
  { method: "GET", path: "/memories", auth: true, handler: listMemories },
  { method: "DELETE", path: "/memories", auth: true, handler: deleteAllMemories },
  { method: "GET", path: "/memories/{memory_id}", auth: true, handler: getMemory },
  { method: "PUT", path: "/memories/{memory_id}", auth: true, handler: updateMemory },
  { method: "DELETE", path: "/memories/{memory_id}", auth: true, handler: deleteMemory },
  { method: "GET", path: "/memories/{memory_id}/history", auth: true, handler: history },
];
