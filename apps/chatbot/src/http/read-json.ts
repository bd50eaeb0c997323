/** Reads a JSON request body with a size limit (413 past it, 400 for bad JSON or a wrong content type). */
import type { IncomingMessage } from "node:http";
import { HttpError } from "./http-error.js";

export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const type = req.headers["content-type"] ?? "";
  if (!/^application\/json\b/i.test(type))
    throw new HttpError(415, "UNSUPPORTED_MEDIA_TYPE", "content-type must be application/json");
  const declared = Number(req.headers["content-length"] ?? Number.NaN);
  if (declared > maxBytes)
    throw new HttpError(413, "PAYLOAD_TOO_LARGE", `body must be at most ${maxBytes} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes)
      throw new HttpError(413, "PAYLOAD_TOO_LARGE", `body must be at most ${maxBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new HttpError(400, "BAD_REQUEST", "body: not valid JSON", "body");
  }
}
