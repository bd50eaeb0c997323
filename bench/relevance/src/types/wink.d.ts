// wink-bm25-text-search 3.x and wink-nlp-utils 2.x ship no type declarations; only what this package calls is typed.
declare module "wink-bm25-text-search" {
  interface Bm25Engine {
    defineConfig(config: {
      fldWeights: Record<string, number>;
      bm25Params?: { k1?: number; b?: number; k?: number };
    }): boolean;
    definePrepTasks(tasks: Array<(input: never) => unknown>, field?: string): number;
    addDoc(doc: Record<string, string>, id: string | number): number;
    consolidate(fp?: number): boolean;
    search(text: string, limit?: number): Array<[string, number]>;
  }
  export default function bm25(): Bm25Engine;
}

declare module "wink-nlp-utils" {
  const utils: {
    string: { lowerCase(s: string): string; tokenize0(s: string): string[] };
    tokens: {
      removeWords(t: string[]): string[];
      stem(t: string[]): string[];
      propagateNegations(t: string[]): string[];
    };
  };
  export default utils;
}
