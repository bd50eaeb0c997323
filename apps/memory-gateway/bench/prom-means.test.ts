import { describe, expect, it } from "vitest";
import { histogramDeltaMeansMs, histogramMeansMs, promGauge } from "./prom-means.js";

const page = (searchSum: number, searchCount: number, addCount: number) =>
  [
    "# TYPE gateway_mem0_call_duration_seconds histogram",
    `gateway_mem0_call_duration_seconds_bucket{operation="search",outcome="ok",le="0.1"} ${searchCount}`,
    `gateway_mem0_call_duration_seconds_sum{operation="search",outcome="ok"} ${searchSum}`,
    `gateway_mem0_call_duration_seconds_count{operation="search",outcome="ok"} ${searchCount}`,
    `gateway_mem0_call_duration_seconds_sum{operation="add",outcome="ok"} ${addCount * 0.05}`,
    `gateway_mem0_call_duration_seconds_count{operation="add",outcome="ok"} ${addCount}`,
    "gateway_process_nodejs_eventloop_lag_p99_seconds 0.0125",
  ].join("\n");

describe("histogram means from a Prometheus page", () => {
  it("divides sum by count per label set, in ms", () => {
    expect(histogramMeansMs(page(2, 100, 4), "gateway_mem0_call_duration_seconds")).toEqual({
      "operation=search,outcome=ok": { count: 100, meanMs: 20 },
      "operation=add,outcome=ok": { count: 4, meanMs: 50 },
    });
  });

  it("over a window counts only what was observed between the two pages", () => {
    // 100 searches of 20 ms before the window, then 50 more taking 4 s in all: 80 ms each.
    const means = histogramDeltaMeansMs(
      page(2, 100, 4),
      page(6, 150, 4),
      "gateway_mem0_call_duration_seconds",
    );
    expect(means).toEqual({ "operation=search,outcome=ok": { count: 50, meanMs: 80 } });
  });

  it("reads an unlabelled gauge, NaN when absent", () => {
    expect(promGauge(page(0, 0, 0), "gateway_process_nodejs_eventloop_lag_p99_seconds")).toBe(0.0125);
    expect(promGauge(page(0, 0, 0), "missing_gauge")).toBeNaN();
  });
});
