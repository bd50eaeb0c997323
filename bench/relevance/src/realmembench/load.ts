import { readFileSync } from "node:fs";
import { join } from "node:path";
import { splitByName } from "../eval-set/split.js";
import type { EvalSet, Split } from "../eval-set/types.js";
import { type ParseNotes, parsePersona, personaOf } from "./parse.js";
import { locateRealMemBench } from "./source.js";

/**
 * The RealMemBench half `split` from `dir`: persona files sorted by file name, first half dev, second half
 * test. Returns `{ skipped }` with instructions when the data is not there; a malformed file throws an error
 * naming the file and field.
 */
export function loadRealMemBench(dir: string, split: Split): EvalSet | { skipped: string } {
  const located = locateRealMemBench(dir);
  if (!located.ok) return { skipped: located.message };
  const files = splitByName(located.files, (f) => f, split);
  const notes: Record<string, number> = { personaFiles: located.files.length };
  const tenants = files.map((file) => {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(join(located.dir, file), "utf8"));
    } catch (e) {
      throw new Error(`${file}: not readable JSON (${(e as Error).message})`);
    }
    const parsed = parsePersona(data, file);
    for (const [k, v] of Object.entries(parsed.notes) as [keyof ParseNotes, number][])
      notes[k] = (notes[k] ?? 0) + v;
    return parsed.tenant;
  });
  return { name: "realmembench", split, personas: files.map(personaOf), tenants, notes };
}
