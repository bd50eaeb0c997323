/**
 * The only file that touches process.env (biome noProcessEnv). mem0 reads MEM0_TELEMETRY at module load and
 * writes its config file under MEM0_DIR (default ~/.mem0): both must be set BEFORE `import("mem0ai/oss")`.
 */
export function prepareMem0Env(configDir: string): void {
  process.env.MEM0_TELEMETRY = "false";
  process.env.MEM0_DIR = configDir;
}
