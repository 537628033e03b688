/** OpenCC's Traditional → Simplified converter as React state: null until its dictionary has loaded. */
import { useEffect, useState } from 'react';
import { loadSimplifier, type Simplifier } from '../text/search-query';

/** The converter, once loaded (null before). */
export function useSimplifier(): Simplifier | null {
  const [conv, setConv] = useState<Simplifier | null>(null);
  useEffect(() => {
    let live = true;
    void loadSimplifier().then((c) => live && setConv(() => c));
    return () => {
      live = false;
    };
  }, []);
  return conv;
}
