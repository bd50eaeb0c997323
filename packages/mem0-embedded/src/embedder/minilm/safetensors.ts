/**
 * Reads a .safetensors file (an 8-byte little-endian header length, a JSON header of name -> dtype, shape and
 * byte offsets, then the raw tensors). Only what the MiniLM weights use: F16 tensors, converted to fp32
 * because onnxruntime's CPU kernels for MatMul/Gather/LayerNormalization work in fp32.
 */
import { readFileSync } from "node:fs";

export interface Tensor32 {
  shape: number[];
  data: Float32Array;
}

interface HeaderEntry {
  dtype: string;
  shape: number[];
  data_offsets: [number, number];
}

export interface SafeTensors {
  names: string[];
  /** The tensor as fp32; throws naming the tensor when it is missing or not F16/F32. */
  get(name: string): Tensor32;
}

export function readSafeTensors(bytes: Buffer): SafeTensors {
  const headerLength = Number(bytes.readBigUInt64LE(0));
  const header = JSON.parse(bytes.subarray(8, 8 + headerLength).toString("utf8")) as Record<
    string,
    HeaderEntry
  >;
  const base = 8 + headerLength;
  return {
    names: Object.keys(header).filter((n) => n !== "__metadata__"),
    get(name) {
      const entry = header[name];
      if (!entry || name === "__metadata__") throw new Error(`safetensors: no tensor "${name}"`);
      const [start, end] = entry.data_offsets;
      const raw = bytes.subarray(base + start, base + end);
      if (entry.dtype === "F16") return { shape: entry.shape, data: f16ToF32(raw) };
      if (entry.dtype === "F32")
        return {
          shape: entry.shape,
          data: new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.length)),
        };
      throw new Error(`safetensors: tensor "${name}" has dtype ${entry.dtype}, expected F16 or F32`);
    },
  };
}

export function loadSafeTensors(path: string): SafeTensors {
  return readSafeTensors(readFileSync(path));
}

/** Every half-precision bit pattern decoded once (Node 20 has no Float16Array). */
let HALF_TABLE: Float32Array | undefined;

function halfTable(): Float32Array {
  if (HALF_TABLE) return HALF_TABLE;
  const table = new Float32Array(65536);
  for (let h = 0; h < 65536; h++) {
    const sign = h & 0x8000 ? -1 : 1;
    const exponent = (h >> 10) & 0x1f;
    const fraction = h & 0x3ff;
    if (exponent === 0) table[h] = sign * 2 ** -14 * (fraction / 1024);
    else if (exponent === 31) table[h] = fraction ? Number.NaN : sign * Number.POSITIVE_INFINITY;
    else table[h] = sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
  }
  HALF_TABLE = table;
  return table;
}

export function f16ToF32(raw: Uint8Array): Float32Array {
  const table = halfTable();
  const out = new Float32Array(raw.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = table[raw[2 * i]! | (raw[2 * i + 1]! << 8)]!;
  return out;
}
