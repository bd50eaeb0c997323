/** The procedure paths a tRPC request names: `/trpc/memory.search,memory.recall?batch=1` -> both. */
export function procedurePaths(pathname: string, basePath: string): string[] {
  const rest = pathname.slice(basePath.length).replace(/^\/+|\/+$/g, "");
  if (rest === "") return [];
  let decoded: string;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    return ["unknown"];
  }
  return decoded.split(",");
}

/** Bounds a metric label: known procedures keep their name, anything else is "unknown". */
export function procedureLabel(path: string, known: ReadonlySet<string>): string {
  return known.has(path) ? path : "unknown";
}
