import { copyFile, mkdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const webDir = resolve(dirname(fileURLToPath(import.meta.url)), "../web");
export const DEFAULT_PAGE_DIR = resolve(webDir, "../../dist");

/**
 * Bundles the page (src/web/main.tsx, React + TanStack Query + the tRPC client) into one minified script
 * beside index.html and styles.css. esbuild: one fast binary, already in the tree through tsx, that compiles
 * TypeScript and JSX with no configuration; the page needs no dev server (the gateway serves it).
 */
export async function buildPage(outDir = DEFAULT_PAGE_DIR): Promise<string> {
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: [join(webDir, "main.tsx")],
    outfile: join(outDir, "main.js"),
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: ["chrome120", "firefox120", "safari17"],
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "warning",
  });
  await Promise.all(["index.html", "styles.css"].map((f) => copyFile(join(webDir, f), join(outDir, f))));
  return outDir;
}
