/** Text runs with their marks as CSS classes; plain React text, so nothing in a document can inject HTML. */
import { memo } from 'react';
import type { Segment } from '../text/segments';

/** Render `text` cut into `segments`. */
export const HighlightedText = memo(function HighlightedText({ text, segments }: { text: string; segments: readonly Segment[] }) {
  return (
    <>
      {segments.map((s) => {
        const part = text.slice(s.start, s.end);
        if (!s.marks.length) return <span key={s.start}>{part}</span>;
        const cls = s.marks.map((m) => `mark-${m.kind}${m.key !== undefined ? ` mark-${m.kind}-${m.key}` : ''}`).join(' ');
        const title = s.marks
          .map((m) => m.title)
          .filter(Boolean)
          .join('\n');
        const link = s.marks.find((m) => m.link !== undefined)?.link;
        return (
          <span key={s.start} className={cls} title={title || undefined} data-link={link}>
            {part}
          </span>
        );
      })}
    </>
  );
});
