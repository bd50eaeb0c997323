/** Lower-case, NFKC, keep only letter/digit runs: "Thanks!! 👍" -> ["thanks"]. Shared by the gate and dedup. */
export function words(text: string): string[] {
  return (
    text
      .normalize("NFKC")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}
