/** Bring the side-by-side comparison (`#compare`) into view, now and again once its documents have rendered. */
export function scrollToComparison(): void {
  const go = () => document.getElementById('compare')?.scrollIntoView({ block: 'start' });
  requestAnimationFrame(go);
  pendingScroll = true;
}

/** Set by a click that asked for the comparison; the comparison scrolls again when it has drawn. */
let pendingScroll = false;

/** Called by the comparison once its passages are drawn: scroll to it if a click asked for it. */
export function comparisonDrawn(): void {
  if (!pendingScroll) return;
  pendingScroll = false;
  document.getElementById('compare')?.scrollIntoView({ block: 'start' });
}
