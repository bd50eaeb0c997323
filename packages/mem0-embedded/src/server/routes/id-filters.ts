export type Ids = { user_id?: string; agent_id?: string; run_id?: string };

/** The id tuple as filters; empty strings count as absent, as `any([...])` does in Python. */
export function idFilters(src: {
  user_id?: string | null;
  agent_id?: string | null;
  run_id?: string | null;
}): Ids {
  const out: Ids = {};
  if (src.user_id) out.user_id = src.user_id;
  if (src.agent_id) out.agent_id = src.agent_id;
  if (src.run_id) out.run_id = src.run_id;
  return out;
}
