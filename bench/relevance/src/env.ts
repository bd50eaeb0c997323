/**
 * The only file that touches process.env (biome noProcessEnv). mem0 reads MEM0_TELEMETRY at module load and
 * writes its config file under MEM0_DIR (default ~/.mem0): both must be set BEFORE `import("mem0ai/oss")`.
 */
export function prepareMem0Env(configDir: string): void {
  process.env.MEM0_TELEMETRY = "false";
  process.env.MEM0_DIR = configDir;
}

/**
 * What the P10 benchmark passes to the memory stack: the OpenAI-compatible embedding endpoint, when set (the
 * same variables as the gateway: EMBEDDING_BASE_URL, EMBEDDING_MODEL, EMBEDDING_DIMENSIONS, EMBEDDING_API_KEY).
 * Unset -> the embedded mem0's offline default embedder. Nothing else leaks in (no MEM0_API_URL: P10 measures
 * the embedded default).
 */
export function embeddingEnv(): Record<string, string> {
  const names = ["EMBEDDING_BASE_URL", "EMBEDDING_MODEL", "EMBEDDING_DIMENSIONS", "EMBEDDING_API_KEY"];
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = process.env[name];
    if (value) out[name] = value;
  }
  return out;
}

/** REALMEMBENCH_DIR when set (the folder holding RealMemBench's *_dialogues_256k.json files), else undefined. */
export function realMemBenchDirFromEnv(): string | undefined {
  return process.env.REALMEMBENCH_DIR || undefined;
}
