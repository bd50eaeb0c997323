/**
 * Which CPU a figure was measured on. Runs on different hardware are not comparable (the same commit measured
 * 100k bulk inserts in 188.9 s on one machine and 370.6 s on another), and onnxruntime picks its int8 kernels
 * by the widest vector extension the CPU has, so the model name alone is not enough.
 */
import { readFileSync } from "node:fs";
import { cpus } from "node:os";

const EXTENSIONS = ["avx512f", "avx2", "avx", "neon"] as const;

/** The widest SIMD extension named in a /proc/cpuinfo `flags` (or ARM `Features`) line, if any. */
export function widestVectorExtension(flags: string): string | undefined {
  const names = new Set(flags.trim().split(/\s+/));
  return EXTENSIONS.find((e) => names.has(e) || (e === "neon" && names.has("asimd")));
}

let described: string | undefined;

/**
 * e.g. "AMD EPYC (avx2)": the model as the OS names it, and the widest vector extension on Linux. Read once
 * per process: every written figure is stamped with it, and the CPU does not change under a run.
 */
export function cpuDescription(): string {
  described ??= describeCpu();
  return described;
}

function describeCpu(): string {
  const model = cpus()[0]?.model.trim() || "unknown CPU";
  let flags = "";
  try {
    const info = readFileSync("/proc/cpuinfo", "utf8");
    flags = /^(?:flags|Features)\s*:(.*)$/m.exec(info)?.[1] ?? "";
  } catch {
    // not Linux: the model name is all there is
  }
  const extension = widestVectorExtension(flags);
  return extension ? `${model} (${extension})` : model;
}
