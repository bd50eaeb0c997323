/**
 * GATEWAY_CONSOLE_DIR: the folder of the built memory page (apps/memory-console, `pnpm --filter
 * @automatos/memory-console build` writes it to apps/memory-console/dist). Unset: no page is served.
 * Read per request and kept apart from the gateway's main env.ts so the page can be switched on without
 * touching the gateway's configuration schema (a file of its own, as the lint rule noProcessEnv allows).
 */
export function consoleDirFromEnv(): string | undefined {
  const dir = process.env.GATEWAY_CONSOLE_DIR?.trim();
  return dir ? dir : undefined;
}
