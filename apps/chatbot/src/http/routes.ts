/**
 * The API's routes, as plain functions from an authenticated identity and a parsed request to a JSON
 * result. The server (server.ts) does transport: authentication, bodies, status codes.
 */

import type { Identity } from "@automatos/app-runtime";
import { z } from "zod";
import { ChatModelError, type ChatService } from "../chat/chat-service.js";
import { chatTurnInputSchema } from "../chat/turn-input.js";
import { fromMemoryError, HttpError } from "./http-error.js";

const limitSchema = z.coerce.number().int().min(1).max(200).default(100);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function firstIssue(error: z.ZodError, prefix: string): HttpError {
  const issue = error.issues[0];
  // An unknown key is reported at the object; name the key itself.
  const path = issue?.code === "unrecognized_keys" ? [...issue.path, issue.keys[0]] : (issue?.path ?? []);
  const field = [prefix, ...path.map(String)].filter(Boolean).join(".") || "body";
  return new HttpError(400, "BAD_REQUEST", `${field}: ${issue?.message ?? "invalid"}`, field);
}

export async function postChat(service: ChatService, identity: Identity, body: unknown) {
  const parsed = chatTurnInputSchema.safeParse(body);
  if (!parsed.success) throw firstIssue(parsed.error, "");
  try {
    return await service.turn(identity, parsed.data);
  } catch (e) {
    if (e instanceof ChatModelError) throw new HttpError(502, "LLM_UNAVAILABLE", e.message);
    throw e;
  }
}

export async function getMemories(service: ChatService, identity: Identity, query: URLSearchParams) {
  const limit = limitSchema.safeParse(query.get("limit") ?? undefined);
  if (!limit.success) throw firstIssue(limit.error, "limit");
  try {
    return await service.listMemories(identity, limit.data);
  } catch (e) {
    throw fromMemoryError(e);
  }
}

export async function deleteMemory(service: ChatService, identity: Identity, id: string) {
  // Anything that is not a UUID cannot be a memory id: the same 404 as someone else's memory.
  if (!UUID.test(id)) throw new HttpError(404, "NOT_FOUND", "memory not found");
  try {
    await service.forgetMemory(identity, id);
    return { id, deleted: true };
  } catch (e) {
    throw fromMemoryError(e);
  }
}
