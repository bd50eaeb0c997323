export type BreakerState = "closed" | "open" | "half-open";
