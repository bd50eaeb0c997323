import { cpus } from "node:os";
import { describe, expect, it } from "vitest";
import { cpuDescription, widestVectorExtension } from "./cpu-description.js";

describe("widestVectorExtension", () => {
  it("names the widest extension a flags line lists", () => {
    expect(widestVectorExtension("fpu sse sse2 avx avx2 fma")).toBe("avx2");
    expect(widestVectorExtension("sse avx avx2 avx512f avx512bw")).toBe("avx512f");
    expect(widestVectorExtension("fp asimd evtstrm aes")).toBe("neon");
    expect(widestVectorExtension("fpu sse sse2")).toBeUndefined();
    // a flag that only starts like one does not count
    expect(widestVectorExtension("avx512_vnni avx2x")).toBeUndefined();
  });
});

describe("cpuDescription", () => {
  it("starts with the model the OS reports", () => {
    expect(cpuDescription().startsWith(cpus()[0]?.model.trim() || "unknown CPU")).toBe(true);
  });
});
