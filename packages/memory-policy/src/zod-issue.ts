import type { z } from "zod";

const ID_FIELDS = new Set(["workspaceId", "userId", "agentId", "runId"]);

export interface IssueSummary {
  /** Path of the field at fault, prefixed (e.g. "target.userId"), or `root` for the whole object. */
  field: string;
  message: string;
  /** A present-but-malformed tenant id (INVALID_ID) rather than a structural mistake. */
  isId: boolean;
}

/** zod does not keep the input on final issues (reportInput is off), so look the value up. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input;
  for (const key of path) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/**
 * Turns zod's first issue into a message that names the field and the rule. Values are never echoed: a
 * wrong id pasted into a request may belong to another tenant.
 */
export function summariseIssue(
  issue: z.core.$ZodIssue,
  input: unknown,
  root: string,
  prefix = "",
): IssueSummary {
  if (issue.code === "unrecognized_keys") {
    const field = `${prefix}${issue.keys[0] ?? ""}`;
    return { field, message: `${field} is not a ${root} field`, isId: false };
  }
  const last = issue.path.at(-1);
  const path = issue.path.map(String).join(".");
  const field = path === "" ? root : `${prefix}${path}`;
  return {
    field,
    message: `${field} ${issue.message}`,
    // A missing id means the object itself is incomplete; a present-but-wrong one is a bad id.
    isId: typeof last === "string" && ID_FIELDS.has(last) && valueAt(input, issue.path) !== undefined,
  };
}
