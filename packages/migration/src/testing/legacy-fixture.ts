/**
 * Hand-written legacy rows covering every case docs/legacy-store.md describes, each with the outcome the
 * migration must reach. Tests derive their expected totals from these declarations, row by row.
 */

/** Deterministic UUIDs, readable in failures: uuid(0xa, 1) -> 0000000a-0000-4000-8000-000000000001. */
export const uuid = (group: number, n: number): string =>
  `${group.toString(16).padStart(8, "0")}-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

export const WS_A = uuid(0xa, 1); // owner alice (1)
export const WS_B = uuid(0xb, 1); // owner carol (3)
export const WS_C = uuid(0xc, 1); // no owner
export const SYSTEM_WS = "00000000-0000-0000-0000-000000000000";

export const CHAT_A1 = uuid(0xca, 1); // alice in A
export const CHAT_A2 = uuid(0xca, 2); // bob in A
export const CHAT_B1 = uuid(0xcb, 1); // carol, chats.workspace_id NULL, messages say B
export const CHAT_B2 = uuid(0xcb, 2); // dave, no workspace on chat or messages; the memory row says B
export const CHAT_X = uuid(0xcf, 1); // bob, no workspace anywhere
export const CHAT_GONE = uuid(0xdd, 1); // deleted chat (its memories stay behind)

export type ExpectedOutcome =
  | { outcome: "migrated"; workspaceId: string; scope: ExpectedScope; messages: number }
  | { outcome: "skipped"; reason: string; workspaceId: string | null }
  | { outcome: "quarantined"; reason: string; workspaceId: string | null };

export type ExpectedScope =
  | { kind: "user"; workspaceId: string; userId: string }
  | { kind: "agent"; workspaceId: string; agentId: string };

export interface FixtureRow {
  id: string;
  agentId: number | null;
  workspaceId: string | null;
  content: string;
  memoryType: string;
  memoryLevel: string;
  importance: number;
  createdAt: string | null;
  lastAccess: string;
  accessCount: number;
  /** "zero" = the zero-vector fallback on embedding errors; null = nulled by migration 010. */
  embedding: "zero" | "random" | null;
  expect: ExpectedOutcome;
}

const chat = (chatId: string | undefined, q: string, a: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    type: "conversation",
    ...(chatId === undefined ? {} : { chat_id: chatId }),
    user_query: q,
    assistant_response: a,
    summary: q.slice(0, 100),
    timestamp: "2025-12-01T10:00:00Z",
    success: true,
    is_novel: true,
    goal_relevant: true,
    ...extra,
  });

const workflow = (wid: number, sid: string, text: string, success = true) =>
  JSON.stringify({
    content: `Subtask: ${text}\nStatus: ${success ? "completed" : "failed"}\nLLM Response: ${text} done.\nTokens Used: 812\nExecution Time: 1530ms\nContext Quality: 82%\nRetries: 0`,
    task_id: `workflow_${wid}_subtask_${sid}`,
    success,
    tokens_used: 812,
    execution_time_ms: 1530,
    quality_score: 0.81,
    context_quality: 0.82,
    timestamp: "2025-12-02T09:00:00",
  });

let n = 0;
// Rows are 8 minutes apart in declaration order, so chronological order = declaration order.
const row = (p: Partial<FixtureRow> & Pick<FixtureRow, "content" | "expect">): FixtureRow => {
  n += 1;
  const minute = n * 8;
  const hh = String(Math.floor(minute / 60) % 24).padStart(2, "0");
  const day = String(1 + Math.floor(minute / 1440)).padStart(2, "0");
  return {
    id: uuid(0xe, n),
    agentId: null,
    workspaceId: null,
    memoryType: "experience",
    memoryLevel: "long_term",
    importance: 1,
    createdAt: `2025-11-${day} ${hh}:${String(minute % 60).padStart(2, "0")}:07.123456`,
    lastAccess: "2026-01-20 08:00:00",
    accessCount: 3,
    embedding: null,
    ...p,
  };
};

const userScope = (workspaceId: string, userId: number): ExpectedScope => ({
  kind: "user",
  workspaceId,
  userId: String(userId),
});
const migrated = (workspaceId: string, scope: ExpectedScope, messages = 2): ExpectedOutcome => ({
  outcome: "migrated",
  workspaceId,
  scope,
  messages,
});

export const FIXTURE_ROWS: FixtureRow[] = [
  // --- chat rows that resolve through chats.user_id -------------------------------------------------------
  row({
    agentId: 1,
    embedding: "zero",
    content: chat(
      CHAT_A1,
      "My name is Alice and I run a bakery in Lyon.",
      "Nice to meet you Alice! A bakery in Lyon sounds lovely.",
    ),
    expect: migrated(WS_A, userScope(WS_A, 1)),
  }),
  row({
    content: chat(
      CHAT_A1,
      "I am allergic to peanuts, please remember that.",
      "Noted: you are allergic to peanuts.",
    ),
    embedding: "random",
    expect: migrated(WS_A, userScope(WS_A, 1)),
  }),
  row({
    workspaceId: WS_A,
    content: chat(
      CHAT_A2,
      "Our quarterly sales review is every second Tuesday.",
      "Got it, second Tuesday of the quarter.",
    ),
    expect: migrated(WS_A, userScope(WS_A, 2)),
  }),
  // same text as Alice's first row, but another user's scope: not a duplicate
  row({
    content: chat(
      CHAT_A2,
      "My name is Alice and I run a bakery in Lyon.",
      "Nice to meet you Alice! A bakery in Lyon sounds lovely.",
    ),
    expect: migrated(WS_A, userScope(WS_A, 2)),
  }),
  // workspace through messages.workspace_id (chats.workspace_id NULL, row NULL)
  row({
    content: chat(
      CHAT_B1,
      "Carol prefers reports as PDF attachments, not links.",
      "Understood, PDF attachments from now on.",
    ),
    expect: migrated(WS_B, userScope(WS_B, 3)),
  }),
  // workspace through memory_items.workspace_id (chat and messages carry none)
  row({
    workspaceId: WS_B,
    content: chat(
      CHAT_B2,
      "Dave is travelling to Osaka in March for the trade fair.",
      "Have a great trip to Osaka, Dave.",
    ),
    expect: migrated(WS_B, userScope(WS_B, 4)),
  }),
  // NULL created_at: sorts first, no legacy_created_at
  row({
    createdAt: null,
    content: chat(
      CHAT_A1,
      "The wholesale flour supplier is Moulin Dupont.",
      "I'll remember Moulin Dupont as your flour supplier.",
    ),
    expect: migrated(WS_A, userScope(WS_A, 1)),
  }),
  // assistant response empty: only the user message is sent
  row({
    content: chat(CHAT_A1, "Remind me that the oven service is due in April.", ""),
    expect: migrated(WS_A, userScope(WS_A, 1), 1),
  }),
  // --- orphans: chat deleted -> workspace owner; else quarantine ---------------------------------------------
  row({
    workspaceId: WS_A,
    content: chat(
      CHAT_GONE,
      "We decided to open on Sundays from next month.",
      "Sunday opening, starting next month.",
    ),
    expect: migrated(WS_A, userScope(WS_A, 1)),
  }),
  row({
    workspaceId: WS_A,
    content: chat(
      undefined,
      "The shop's VAT number changed this year.",
      "Thanks, I'll use the new VAT number.",
    ),
    expect: migrated(WS_A, userScope(WS_A, 1)),
  }),
  row({
    workspaceId: WS_A,
    content: chat(
      "not-a-uuid",
      "Invoices go to accounting@example.com from now on.",
      "Invoices to accounting, noted.",
    ),
    expect: migrated(WS_A, userScope(WS_A, 1)),
  }),
  row({
    workspaceId: WS_C,
    content: chat(CHAT_GONE, "The staging server moves to the new data centre.", "Staging moves, noted."),
    expect: { outcome: "quarantined", reason: "no_owner", workspaceId: WS_C },
  }),
  row({
    agentId: 1,
    content: chat(CHAT_GONE, "Pre-workspace era memory about the old CRM export.", "Old CRM export, noted."),
    expect: { outcome: "quarantined", reason: "chat_not_found", workspaceId: null },
  }),
  row({
    content: chat(CHAT_X, "Bob wants weekly summaries on Friday afternoon.", "Weekly summaries on Fridays."),
    expect: { outcome: "quarantined", reason: "no_workspace", workspaceId: null },
  }),
  // --- skip rules ----------------------------------------------------------------------------------------------
  row({
    content: chat(CHAT_A1, "hi", "Hello! How can I help you today?"),
    expect: { outcome: "skipped", reason: "greeting", workspaceId: WS_A },
  }),
  row({
    content: chat(CHAT_A1, "Thanks!", "You're welcome!"),
    expect: { outcome: "skipped", reason: "greeting", workspaceId: WS_A },
  }),
  row({
    content: chat(CHAT_A2, "yes pls", "Done, I sent the report to the team."),
    expect: { outcome: "skipped", reason: "too_short", workspaceId: WS_A },
  }),
  // exact duplicate of Alice's allergy row, and a whitespace/case variant of it
  row({
    content: chat(
      CHAT_A1,
      "I am allergic to peanuts, please remember that.",
      "Noted: you are allergic to peanuts.",
    ),
    expect: { outcome: "skipped", reason: "duplicate", workspaceId: WS_A },
  }),
  row({
    content: chat(
      CHAT_A1,
      "  i am ALLERGIC to peanuts,   please remember that. ",
      "Noted: you are allergic to peanuts.",
    ),
    expect: { outcome: "skipped", reason: "duplicate", workspaceId: WS_A },
  }),
  row({
    memoryType: "knowledge",
    content: JSON.stringify({
      description: "Pattern identified from 3 experiences. Success rate: 100%. Common elements: conversation",
      pattern_type: "success_pattern",
      importance: 0.9,
      confidence: 0.7,
      success_rate: 1,
      example_count: 3,
    }),
    agentId: 1,
    expect: { outcome: "skipped", reason: "knowledge", workspaceId: null },
  }),
  row({
    memoryType: "pattern",
    workspaceId: WS_B,
    content: JSON.stringify({ description: "Pattern identified from 2 experiences. Success rate: 50%." }),
    expect: { outcome: "skipped", reason: "pattern_boilerplate", workspaceId: WS_B },
  }),
  row({
    workspaceId: WS_A,
    content: chat(CHAT_A1, "Written by the new memory service in dual mode.", "Dual write.", {
      source: "dual_write",
    }),
    expect: { outcome: "skipped", reason: "dual_write", workspaceId: WS_A },
  }),
  // --- content that cannot be read ------------------------------------------------------------------------
  row({
    workspaceId: WS_A,
    content: "User asked about pricing; answered with the 2025 price list",
    embedding: "zero",
    expect: { outcome: "quarantined", reason: "invalid_json", workspaceId: WS_A },
  }),
  row({
    workspaceId: WS_B,
    content: JSON.stringify({ foo: "bar", n: 1 }),
    expect: { outcome: "quarantined", reason: "unknown_shape", workspaceId: WS_B },
  }),
  // --- workflow and agent rows ---------------------------------------------------------------------------------
  row({
    agentId: 7,
    memoryLevel: "working",
    importance: 0.7,
    content: workflow(11, "1", "Collect the competitor prices for sourdough in Lyon"),
    expect: migrated(WS_A, { kind: "agent", workspaceId: WS_A, agentId: "7" }, 1),
  }),
  row({
    agentId: 7,
    importance: 0.8,
    content: JSON.stringify({
      content: "Subtask: Email the supplier about the delayed flour delivery",
      task_id: "workflow_11_subtask_2b",
      success: false,
      timestamp: "2025-12-02T09:05:00",
    }),
    expect: migrated(WS_A, { kind: "agent", workspaceId: WS_A, agentId: "7" }, 1),
  }),
  // marketplace agent 9 (no workspace) in workflow 12 of workspace B
  row({
    agentId: 9,
    content: workflow(12, "4", "Summarise the weekly support tickets by product area"),
    expect: migrated(WS_B, { kind: "agent", workspaceId: WS_B, agentId: "9" }, 1),
  }),
  row({
    agentId: null,
    content: workflow(11, "5", "Translate the menu into German for the tourist season"),
    expect: { outcome: "quarantined", reason: "no_agent", workspaceId: WS_A },
  }),
  row({
    agentId: 9,
    content: workflow(99, "1", "Run the nightly stock reconciliation for the warehouse"),
    expect: { outcome: "quarantined", reason: "no_workspace", workspaceId: null },
  }),
  row({
    agentId: 8,
    content: JSON.stringify({
      task_type: "report_generation",
      result: "Generated the monthly KPI report for the board",
      feedback: "The board wants the churn chart first",
      learned: "Put the churn chart first in board reports",
      improvement: 0.2,
    }),
    expect: migrated(WS_B, { kind: "agent", workspaceId: WS_B, agentId: "8" }, 1),
  }),
  row({
    agentId: 7,
    content: JSON.stringify({
      prompt: "Draft a reply to the catering enquiry from the town hall",
      result: "Drafted a reply offering the 40-person catering package",
      execution_time: 2.1,
      success: true,
      tokens_used: 640,
      timestamp: "2025-12-03T10:00:00",
    }),
    expect: migrated(WS_A, { kind: "agent", workspaceId: WS_A, agentId: "7" }, 1),
  }),
];

export interface FixtureChat {
  id: string;
  userId: number;
  workspaceId: string | null;
  messagesWorkspaceId: string | null;
}

export const FIXTURE_CHATS: FixtureChat[] = [
  { id: CHAT_A1, userId: 1, workspaceId: WS_A, messagesWorkspaceId: WS_A },
  { id: CHAT_A2, userId: 2, workspaceId: WS_A, messagesWorkspaceId: WS_A },
  { id: CHAT_B1, userId: 3, workspaceId: null, messagesWorkspaceId: WS_B },
  { id: CHAT_B2, userId: 4, workspaceId: null, messagesWorkspaceId: null },
  { id: CHAT_X, userId: 2, workspaceId: null, messagesWorkspaceId: null },
];
