import { request } from "undici";

/**
 * One health probe of an engine: `GET /auth/setup-status` (no auth, no database work) answered 200 within
 * `timeoutMs`. Never throws: a refused connection, a timeout or another status is a miss.
 */
export async function probeEngine(baseUrl: string, timeoutMs: number): Promise<boolean> {
  try {
    const res = await request(`${baseUrl}/auth/setup-status`, {
      method: "GET",
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.body.dump();
    return res.statusCode === 200;
  } catch {
    return false;
  }
}
