/**
 * Exact-path routing like FastAPI with `redirect_slashes=False`: `/memories/` is not `/memories` (404),
 * a known path with another method is a 405.
 */
import type { Mem0Engine } from "../engine/mem0-engine.js";

export interface RouteContext {
  engine: Mem0Engine;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body (undefined when empty); only read for POST/PUT. */
  body: unknown;
  requestId: string;
}

export interface RouteResult {
  status?: number;
  body: unknown;
}

export interface Route {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** e.g. "/memories/{memory_id}/history" */
  path: string;
  auth: boolean;
  handler(ctx: RouteContext): Promise<RouteResult>;
}

interface CompiledRoute extends Route {
  regex: RegExp;
  names: string[];
}

export type Match =
  | { kind: "ok"; route: Route; params: Record<string, string> }
  | { kind: "not_found" }
  | { kind: "method_not_allowed"; allow: string[] };

export function compileRoutes(routes: Route[]): (method: string, pathname: string) => Match {
  const compiled: CompiledRoute[] = routes.map((r) => {
    const names: string[] = [];
    const pattern = r.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{(\w+)\}/g, (_m, name: string) => {
      names.push(name);
      return "([^/]+)";
    });
    return { ...r, regex: new RegExp(`^${pattern}$`), names };
  });
  return (method, pathname) => {
    const allow: string[] = [];
    for (const r of compiled) {
      const m = r.regex.exec(pathname);
      if (!m) continue;
      if (r.method !== method) {
        allow.push(r.method);
        continue;
      }
      const params: Record<string, string> = {};
      try {
        r.names.forEach((name, i) => {
          params[name] = decodeURIComponent(m[i + 1] as string);
        });
      } catch {
        return { kind: "not_found" };
      }
      return { kind: "ok", route: r, params };
    }
    return allow.length > 0 ? { kind: "method_not_allowed", allow } : { kind: "not_found" };
  };
}
