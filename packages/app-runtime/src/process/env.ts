/**
 * The environment for an app's command run as a child process (by the tests and the main job; the only
 * file here that reads process.env): the parent's (PATH, HOME, ...) minus every variable that would point
 * the child at real services or change its memory settings, plus what the caller sets. So a child behaves
 * the same whatever `.env` the machine has.
 */
const SERVICE_VARS =
  /^(MEM0_API_URL|MEM0_API_KEY|MEM0_DIALECT|DATABASE_URL|MEMORY_|LOG_LEVEL|LLM_|EMBEDDING_|CHAT_USER_TOKEN|CHATBOT_|AGENTS_|WORKFLOWS_)/;

export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !SERVICE_VARS.test(k)));
  return { ...base, MEM0_TELEMETRY: "false", ...extra };
}
