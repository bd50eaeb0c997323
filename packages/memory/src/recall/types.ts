/** A memory on its way through the recall pipeline (after the exact scope check, before rendering). */
export interface RecallCandidate {
  id: string;
  text: string;
  /** mem0's fused score for this query (0..1). Comparable only within one query. */
  score: number;
  /** The scope kind the memory was classified into by its exact mem0 id tuple. */
  scope: string;
  createdAt: string | null;
  updatedAt: string | null;
}
