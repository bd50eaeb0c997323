/**
 * The environment for child processes started by tests (the only test file that reads process.env):
 * the parent's (PATH, MEM0_TELEMETRY from the vitest config, ...) minus every variable that would point
 * the child at real services, plus what the test sets.
 */
const SERVICE_VARS =
  /^(MEM0_API_URL|MEM0_API_KEY|MEM0_DIALECT|DATABASE_URL|MEMORY_GATEWAY_URL|LLM_|EMBEDDING_|CHAT_USER_TOKEN|CHATBOT_|AGENTS_|WORKFLOWS_)/;

export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !SERVICE_VARS.test(k)));
  return { ...base, MEM0_TELEMETRY: "false", ...extra };
}
