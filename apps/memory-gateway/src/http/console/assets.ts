import { readFile, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, relative, resolve, sep } from "node:path";
import { writeJson } from "../responses.js";
import { consoleDirFromEnv } from "./env.js";

/** Where the page is served: the same origin as /trpc and /healthz, so the page needs no CORS. */
export const CONSOLE_BASE_PATH = "/console/";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".json": "application/json",
};

/**
 * The page loads only its own files and talks only to this origin; the sign-in credentials live in the
 * URL fragment (never sent to a server) and in the tab's sessionStorage, so a strict policy is the guard
 * against anything else running in the page.
 */
const SECURITY_HEADERS: Record<string, string> = {
  "content-security-policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-cache",
};

/**
 * Serves the built memory page (apps/memory-console) under /console/ when GATEWAY_CONSOLE_DIR is set.
 * Returns false when the request is not for the page (or no page is configured): the caller answers 404.
 * Only files inside the folder, with a known type and no dot-segment, are served; `/console/` is index.html.
 */
export function serveConsoleAssets(req: IncomingMessage, res: ServerResponse, pathname: string): boolean {
  const dir = consoleDirFromEnv();
  if (!dir || (pathname !== "/console" && !pathname.startsWith(CONSOLE_BASE_PATH))) return false;
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("allow", "GET, HEAD");
    writeJson(res, 405, { error: "method not allowed" });
    return true;
  }
  if (pathname === "/console") {
    res.writeHead(308, { location: CONSOLE_BASE_PATH }).end();
    return true;
  }
  void sendFile(dir, pathname.slice(CONSOLE_BASE_PATH.length) || "index.html", req, res);
  return true;
}

async function sendFile(dir: string, name: string, req: IncomingMessage, res: ServerResponse) {
  const root = resolve(dir);
  let decoded: string;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    return writeJson(res, 400, { error: "bad path" });
  }
  const file = resolve(join(root, decoded));
  const rel = relative(root, file);
  const type = TYPES[extname(file)];
  if (!type || rel.startsWith("..") || rel.split(sep).some((part) => part.startsWith(".")))
    return writeJson(res, 404, { error: "not found" });
  try {
    if (!(await stat(file)).isFile()) return writeJson(res, 404, { error: "not found" });
    const body = await readFile(file);
    res.writeHead(200, { ...SECURITY_HEADERS, "content-type": type, "content-length": body.length });
    res.end(req.method === "HEAD" ? undefined : body);
  } catch {
    writeJson(res, 404, { error: "not found" });
  }
}
