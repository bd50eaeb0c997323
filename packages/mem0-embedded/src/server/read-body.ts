import type { IncomingMessage } from "node:http";
import { HttpError } from "./http-error.js";

/**
 * Reads a JSON body with a size cap. Empty body -> undefined (a model then reports the body as missing);
 * invalid JSON -> FastAPI's 422 `json_invalid`; too large -> 413 without reading the rest.
 */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const declared = Number(req.headers["content-length"] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch (err) {
    const position = Number(/position (\d+)/.exec((err as Error).message)?.[1] ?? 0);
    throw new HttpError(422, {
      detail: [
        {
          type: "json_invalid",
          loc: ["body", position],
          msg: "JSON decode error",
          input: {},
          ctx: { error: "Invalid JSON" },
        },
      ],
    });
  }
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(
    413,
    { detail: `Request body is larger than ${maxBytes} bytes.` },
    { connection: "close" },
  );
}
