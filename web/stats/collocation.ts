/**
 * Collocation strength from a co-occurrence count f(x,y) (sentences holding both), the node's frequency
 * f(x) and the collocate's f(y), and the corpus's tokens N:
 *  - log-Dice (Rychlý 2008) = 14 + log2(2·f(x,y) / (f(x) + f(y))): at most 14, independent of corpus
 *    size, not inflated by rare words;
 *  - MI = log2(f(x,y)·N / (f(x)·f(y))): how much more often than chance, high for rare pairs.
 */
export function logDice(together: number, nodeFreq: number, freq: number): number {
  return together > 0 && nodeFreq + freq > 0 ? 14 + Math.log2((2 * together) / (nodeFreq + freq)) : -Infinity;
}

export function mutualInformation(together: number, nodeFreq: number, freq: number, tokens: number): number {
  return together > 0 && nodeFreq > 0 && freq > 0 ? Math.log2((together * tokens) / (nodeFreq * freq)) : -Infinity;
}
