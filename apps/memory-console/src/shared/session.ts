/**
 * What a sign-in link carries in its URL fragment (never sent to a server, so never in an access log) and
 * what the page keeps for the tab: the person's JWT and the page's own service token (the policy's `console`
 * app), or the admin token for the operator view. Shared by the launcher (writes the link) and the page
 * (reads it).
 */
export interface ConsoleSession {
  /** The signed-in person's JWT (the same kind the apps forward as x-automatos-user-token). */
  jwt: string;
  /**
   * The page's service token (app `console`): the person's own memories (scope `user`) and, for each agent
   * in `agentIds` (agents the token is granted), what that agent keeps about them (scope `agent-user`).
   */
  console?: string;
  agentIds?: string[];
  /** Admin service token: the operator view. */
  admin?: string;
}

const KEYS = ["jwt", "console", "admin"] as const;

export function encodeSession(session: ConsoleSession): string {
  const params = new URLSearchParams();
  for (const key of KEYS) if (session[key]) params.set(key, session[key] as string);
  if (session.agentIds?.length) params.set("agent", session.agentIds.join(","));
  return params.toString();
}

/** Reads a fragment (with or without its `#`); null when it carries no JWT. */
export function decodeSession(fragment: string): ConsoleSession | null {
  const params = new URLSearchParams(fragment.replace(/^#/, ""));
  const jwt = params.get("jwt");
  if (!jwt) return null;
  const session: ConsoleSession = { jwt };
  for (const key of ["console", "admin"] as const) {
    const value = params.get(key);
    if (value) session[key] = value;
  }
  const agents = params.get("agent");
  if (agents) session.agentIds = agents.split(",").filter((a) => a !== "");
  return session;
}
