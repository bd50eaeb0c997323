/**
 * Words of a text, the unit every "shares a word" question in this repository is asked in.
 *
 * Lower-cased; Latin accents folded ("Zürich" -> "zurich", so a query typed without accents still matches);
 * possessive and contraction suffixes dropped ("Sam's" -> "sam", "don't" -> "don"); then runs of letters,
 * combining marks and digits, so text in other scripts keeps its words ("谢谢" stays one word, a Devanagari
 * vowel sign does not split its word) and punctuation and emoji are not words ("Thanks!! 👍" -> ["thanks"]).
 */
export function words(text: string): string[] {
  const folded = text
    .normalize("NFKD")
    // Only the Latin combining diacritics: other scripts' marks are part of their letters.
    .replace(/[\u0300-\u036f]/g, "")
    .normalize("NFC")
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/'(s|m|re|ve|ll|d|t)(?![\p{L}\p{N}])/gu, " ");
  return folded.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}
