/**
 * Input checks made before any request, so that bad input costs no round trip and the error names the
 * field. Only what mem0 would refuse anyway (or mishandle: whitespace in an id turns GET /memories into a
 * 502) is checked; rules that are mem0's business (e.g. "at least one entity id" on add and search) are
 * left to mem0, whose 400 maps to kind "validation" too.
 */
import { z } from "zod";
import { validationError } from "../errors.js";
import type {
  AddRequest,
  EntityIds,
  FindByMetadataRequest,
  GetAllRequest,
  SearchRequest,
  UpdateRequest,
} from "../types.js";

const entityId = z
  .string()
  .min(1, "must not be empty")
  .max(512, "must be at most 512 characters")
  .regex(/^[^\s/?#]+$/, "must not contain whitespace, '/', '?' or '#'");
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD");
const metadata = z.record(z.string(), z.unknown());
const topK = z.number().int("must be an integer").min(0).max(1000);

const ids = { userId: entityId.optional(), agentId: entityId.optional(), runId: entityId.optional() };

const addSchema = z.object({
  messages: z
    .array(z.object({ role: z.string().min(1, "must not be empty"), content: z.string() }))
    .min(1, "must hold at least one message"),
  ...ids,
  metadata: metadata.optional(),
  infer: z.boolean().optional(),
  expirationDate: date.nullable().optional(),
});

const searchSchema = z.object({
  query: z.string().trim().min(1, "must not be empty"),
  filters: metadata,
  topK: topK.optional(),
  threshold: z.number().min(0).max(1).optional(),
  explain: z.boolean().optional(),
});

const getAllSchema = z.object({ ...ids, topK: topK.optional() });

const updateSchema = z
  .object({
    text: z.string().optional(),
    metadata: metadata.optional(),
    expirationDate: date.nullable().optional(),
  })
  .refine((u) => u.text !== undefined || u.metadata !== undefined || u.expirationDate !== undefined, {
    message: "needs at least one of text, metadata, expirationDate",
  });

// Destructive: refuse the "no scope" form outright instead of trusting the remote side to refuse it.
const deleteAllSchema = z
  .object(ids)
  .refine((r) => r.userId !== undefined || r.agentId !== undefined || r.runId !== undefined, {
    message: "needs at least one of userId, agentId, runId",
  });

const findSchema = z
  .object({
    ...ids,
    metadata: z
      .record(z.string().regex(/^[a-zA-Z_]\w*$/, "keys must be identifiers"), z.string().min(1).max(512))
      .refine((m) => Object.keys(m).length > 0, { message: "must hold at least one key" }),
    query: z.string().trim().min(1, "must not be empty"),
    topK: z.number().int("must be an integer").min(1).max(1000).optional(),
  })
  .refine((r) => r.userId !== undefined || r.agentId !== undefined || r.runId !== undefined, {
    message: "needs at least one of userId, agentId, runId",
  });

const entityType = z.enum(["user", "agent", "run"]);

function check<S extends z.ZodType>(schema: S, input: unknown, root: string): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue && issue.path.length > 0 ? `${root}.${issue.path.join(".")}` : root;
  throw validationError(field, issue?.message ?? "is invalid");
}

export const validateAdd = (r: AddRequest): AddRequest => check(addSchema, r, "add");
export const validateSearch = (r: SearchRequest): SearchRequest => check(searchSchema, r, "search");
export const validateGetAll = (r: GetAllRequest): GetAllRequest => check(getAllSchema, r ?? {}, "getAll");
export const validateFind = (r: FindByMetadataRequest): FindByMetadataRequest =>
  check(findSchema, r, "findByMetadata");
export const validateUpdate = (r: UpdateRequest): UpdateRequest => check(updateSchema, r, "update");
export const validateDeleteAll = (r: EntityIds): EntityIds => check(deleteAllSchema, r ?? {}, "deleteAll");
export const validateEntity = (type: unknown, id: unknown) => ({
  type: check(entityType, type, "deleteEntity.type"),
  id: check(entityId, id, "deleteEntity.id"),
});
