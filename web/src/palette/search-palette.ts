import Fuse, { type IFuseOptions } from 'fuse.js';
import { PALETTE_ENTRIES, type PaletteEntry, type PaletteKind } from './palette-entries.js';

const OPTIONS: IFuseOptions<PaletteEntry> = {
  includeScore: true,
  ignoreLocation: true,
  // 0.4 forgives a swapped or missing letter in a word ("defualt", "partnr") without matching everything.
  threshold: 0.4,
  keys: [
    { name: 'title', weight: 3 },
    { name: 'context', weight: 1 },
    { name: 'text', weight: 0.6 },
  ],
};

/** When two results score alike, the more direct target comes first. */
const KIND_ORDER: Record<PaletteKind, number> = { field: 0, screen: 1, article: 2, step: 3, troubleshooting: 4 };

export const MAX_RESULTS = 30;

/** Words of at least two characters, lower-cased; "Tag  partner, defualt" → ['tag', 'partner', 'defualt']. */
const wordsOf = (query: string): string[] =>
  query
    .toLowerCase()
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((word) => word.length >= 2);

/**
 * Typo-tolerant search where word order does not matter: each word is searched on its own and an
 * entry must match every word; its rank is the sum of its per-word scores (0 is a perfect match).
 */
export function createPaletteSearch(entries: readonly PaletteEntry[] = PALETTE_ENTRIES): (query: string) => PaletteEntry[] {
  const fuse = new Fuse(entries, OPTIONS);
  const cache = new Map<string, Map<PaletteEntry, number>>();
  const scoresFor = (word: string) => {
    let scores = cache.get(word);
    if (!scores) {
      scores = new Map(fuse.search(word).map((result) => [result.item, result.score ?? 1]));
      cache.set(word, scores);
    }
    return scores;
  };

  return (query) => {
    const words = wordsOf(query);
    if (words.length === 0) return [];
    const [first, ...rest] = words.map(scoresFor);
    const ranked: Array<{ entry: PaletteEntry; score: number }> = [];
    for (const [entry, score] of first ?? []) {
      let total = score;
      let everyWord = true;
      for (const scores of rest) {
        const s = scores.get(entry);
        if (s === undefined) {
          everyWord = false;
          break;
        }
        total += s;
      }
      if (everyWord) ranked.push({ entry, score: total / words.length });
    }
    ranked.sort((a, b) => a.score - b.score || KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind]);
    return ranked.slice(0, MAX_RESULTS).map(({ entry }) => entry);
  };
}
