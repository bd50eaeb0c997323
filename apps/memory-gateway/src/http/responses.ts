import type { ServerResponse } from "node:http";
import { type AnyTRPCRouter, getTRPCErrorShape, TRPCError, transformTRPCResponse } from "@trpc/server";

export type TrpcErrorCode = ConstructorParameters<typeof TRPCError>[0]["code"];

/**
 * Writes an error in exactly the shape the router itself would produce (same transformer, same error
 * formatter), for requests refused before they reach tRPC (body too large by Content-Length, draining).
 * A batch request (`?batch=1`) gets one error per call, as tRPC's client expects.
 */
export function writeTrpcError(
  res: ServerResponse,
  router: AnyTRPCRouter,
  opts: { code: TrpcErrorCode; message: string; status: number; paths: string[]; batch: boolean },
): void {
  const error = new TRPCError({ code: opts.code, message: opts.message });
  const config = router._def._config;
  const shapes = (opts.batch ? opts.paths : [opts.paths[0]]).map((path) => ({
    error: getTRPCErrorShape({ config, error, type: "unknown", path, input: undefined, ctx: undefined }),
  }));
  const body = opts.batch
    ? transformTRPCResponse(config, shapes)
    : transformTRPCResponse(config, shapes[0] as (typeof shapes)[number]);
  writeJson(res, opts.status, body);
}

export function writeJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader("content-type", "application/json");
  res.setHeader("content-length", Buffer.byteLength(text));
  res.end(text);
}
