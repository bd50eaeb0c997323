/**
 * Where RealMemBench comes from and where the harness looks for it. The data is third-party (Apache-2.0) and
 * is never copied into this repository: the harness reads it from a directory outside it.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const REALMEMBENCH_SOURCE = {
  repository: "https://github.com/zhiyuan5986/RealMemBench",
  commit: "067c486a525b0811ef9cb8cb5ad258e286d0ce7e",
  files: "dataset/*_dialogues_256k.json",
  licence: "Apache-2.0",
} as const;

export const PERSONA_FILE_SUFFIX = "_dialogues_256k.json";

/** `<repo root>/../shared/datasets/realmembench` (this file is <repo root>/bench/relevance/src/realmembench/). */
export const DEFAULT_REALMEMBENCH_DIR = fileURLToPath(
  new URL("../../../../../shared/datasets/realmembench/", import.meta.url),
);

export const credit = (): string =>
  `RealMemBench (${REALMEMBENCH_SOURCE.repository} at ${REALMEMBENCH_SOURCE.commit}, ${REALMEMBENCH_SOURCE.licence})`;

export type Located = { ok: true; dir: string; files: string[] } | { ok: false; message: string };

/** The persona files in `dir`, sorted by name; or, when there are none, what to do about it. */
export function locateRealMemBench(dir: string): Located {
  const files =
    existsSync(dir) && statSync(dir).isDirectory()
      ? readdirSync(dir)
          .filter((f) => f.endsWith(PERSONA_FILE_SUFFIX))
          .sort()
      : [];
  if (files.length > 0) return { ok: true, dir, files };
  return {
    ok: false,
    message: [
      `RealMemBench not found in ${dir} (no *${PERSONA_FILE_SUFFIX} files): skipping that set.`,
      `Get it from ${REALMEMBENCH_SOURCE.repository} at commit ${REALMEMBENCH_SOURCE.commit}`,
      `(${REALMEMBENCH_SOURCE.files}, ${REALMEMBENCH_SOURCE.licence}), e.g.`,
      `  git clone ${REALMEMBENCH_SOURCE.repository} && git -C RealMemBench checkout ${REALMEMBENCH_SOURCE.commit}`,
      `then copy its dataset/*${PERSONA_FILE_SUFFIX} into ${dir} or set REALMEMBENCH_DIR to that folder.`,
    ].join("\n"),
  };
}
