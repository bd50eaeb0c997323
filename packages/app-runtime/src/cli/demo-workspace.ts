/**
 * The demos' one flag, `--workspace <id>`: the workspace the demo acts in. Unset, a fresh `demo-xxxxxxxx`
 * each run, so earlier runs' memories never mix in; the main job passes its own. A bad flag is reported
 * naming it, and the caller exits 2.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";

export type DemoWorkspace = { ok: true; workspaceId: string } | { ok: false; error: string };

export function parseDemoWorkspace(args: readonly string[]): DemoWorkspace {
  try {
    const { values } = parseArgs({
      args: [...args],
      options: { workspace: { type: "string" } },
      strict: true,
    });
    return { ok: true, workspaceId: values.workspace ?? `demo-${randomBytes(4).toString("hex")}` };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
