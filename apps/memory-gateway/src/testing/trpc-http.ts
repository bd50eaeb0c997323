/**
 * Raw tRPC-over-HTTP calls (superjson wire format), for tests that look at status codes, headers and error
 * bodies exactly as a non-TypeScript caller would see them.
 */
export interface RawResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export interface RawCall {
  headers?: Record<string, string>;
  input?: unknown;
  /** Send this exact body (mutations), e.g. an oversized one. */
  rawBody?: string;
  /** Stream the body without Content-Length (chunked transfer encoding). */
  chunked?: boolean;
}

export async function trpcQuery(baseUrl: string, path: string, call: RawCall = {}): Promise<RawResponse> {
  const search =
    call.input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: call.input }))}`;
  const res = await fetch(`${baseUrl}/trpc/${path}${search}`, {
    headers: call.headers ?? {},
    signal: AbortSignal.timeout(15_000),
  });
  return { status: res.status, headers: res.headers, body: await res.json().catch(() => null) };
}

export async function trpcMutation(baseUrl: string, path: string, call: RawCall = {}): Promise<RawResponse> {
  const text = call.rawBody ?? JSON.stringify({ json: call.input });
  const body = call.chunked
    ? new ReadableStream({
        start(controller) {
          const bytes = new TextEncoder().encode(text);
          for (let i = 0; i < bytes.length; i += 1024) controller.enqueue(bytes.subarray(i, i + 1024));
          controller.close();
        },
      })
    : text;
  const res = await fetch(`${baseUrl}/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(call.headers ?? {}) },
    body,
    ...(call.chunked ? { duplex: "half" } : {}),
    signal: AbortSignal.timeout(15_000),
  } as RequestInit);
  return { status: res.status, headers: res.headers, body: await res.json().catch(() => null) };
}

/** The tRPC error inside a (superjson-transformed) error response. */
export function trpcError(body: unknown): { message: string; data: { code: string; httpStatus: number } } {
  return (body as { error: { json: { message: string; data: { code: string; httpStatus: number } } } }).error
    .json;
}
