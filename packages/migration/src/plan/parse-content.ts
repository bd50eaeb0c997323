/**
 * Reads the JSON string stored in `memory_items.content` (docs/legacy-store.md §1.1a) into one of the known
 * shapes. The `metadata` column is effectively `{}` (an ORM kwarg bug), so everything useful comes from here.
 */

export type ParsedContent =
  | {
      kind: "conversation";
      chatId: string | null;
      userQuery: string;
      assistantResponse: string;
      source: string | null;
      /** Set by `writeLegacyRow` (dual mode): the user id the new service wrote it for. */
      userId: string | null;
    }
  | {
      kind: "workflow";
      text: string;
      taskId: string;
      workflowId: string | null;
      subtaskId: string | null;
      success: boolean | null;
    }
  | {
      kind: "agent-execution";
      text: string;
      success: boolean | null;
      /** `dual_write` on rows the memory service mirrored in dual mode (src/cutover/legacy-mirror.ts). */
      source?: string | null;
    }
  | { kind: "learning"; text: string }
  | { kind: "pattern"; text: string }
  | { kind: "unknown" }
  | { kind: "invalid-json" };

const WORKFLOW_TASK = /^workflow_([A-Za-z0-9-]+)_subtask_(.+)$/;

const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const bool = (v: unknown): boolean | null => (typeof v === "boolean" ? v : null);

export function parseContent(raw: string): ParsedContent {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { kind: "invalid-json" };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return { kind: "unknown" };
  const o = value as Record<string, unknown>;

  if (o.type === "conversation" || (str(o.user_query) !== null && "assistant_response" in o)) {
    return {
      kind: "conversation",
      chatId: str(o.chat_id) ?? (typeof o.chat_id === "number" ? String(o.chat_id) : null),
      userQuery: str(o.user_query) ?? "",
      assistantResponse: str(o.assistant_response) ?? "",
      source: str(o.source),
      userId: str(o.user_id) ?? (typeof o.user_id === "number" ? String(o.user_id) : null),
    };
  }
  const taskId = str(o.task_id);
  if (taskId !== null && str(o.content) !== null) {
    const m = WORKFLOW_TASK.exec(taskId);
    return {
      kind: "workflow",
      text: str(o.content) as string,
      taskId,
      workflowId: m?.[1] ?? null,
      subtaskId: m?.[2] ?? null,
      success: bool(o.success),
    };
  }
  // Consolidation output ("Pattern identified from N experiences ..."): machine boilerplate.
  if (str(o.pattern_type) !== null || /^Pattern identified from/i.test(str(o.description) ?? "")) {
    return { kind: "pattern", text: str(o.description) ?? "" };
  }
  if (str(o.prompt) !== null && str(o.result) !== null) {
    return {
      kind: "agent-execution",
      text: `Task: ${o.prompt}\nResult: ${o.result}`,
      success: bool(o.success),
    };
  }
  if (str(o.task_type) !== null && (str(o.learned) !== null || str(o.result) !== null)) {
    const parts = [
      `Task type: ${o.task_type}`,
      str(o.result) && `Result: ${o.result}`,
      str(o.feedback) && `Feedback: ${o.feedback}`,
      str(o.learned) && `Learned: ${o.learned}`,
    ].filter(Boolean);
    return { kind: "learning", text: parts.join("\n") };
  }
  if (str(o.content) !== null)
    return {
      kind: "agent-execution",
      text: str(o.content) as string,
      success: bool(o.success),
      source: str(o.source),
    };
  return { kind: "unknown" };
}
