/** A "?" beside a metric: hover shows a short explanation, a click keeps it open. */
import { useState } from 'react';
import { useI18n } from '../app/useI18n';
import type { MessageKey } from '../i18n/messages';
import { DIRECTION_MIN_CHARS } from '../stats/reuse-rule';
import { MIN_CHARS, MIN_DOCS } from '../stats/sample';

/** The metrics with an explanation (`help.<topic>` in both languages). */
export type HelpTopic = 'share' | 'formulaVsCopy' | 'direction' | 'g2' | 'logRatio' | 'per10k' | 'thin' | 'logDice';

/** The "?" for `topic`. */
export function HelpTip({ topic }: { topic: HelpTopic }) {
  const { t, num } = useI18n();
  const [open, setOpen] = useState(false);
  const text = t(`help.${topic}` as MessageKey, { min: DIRECTION_MIN_CHARS, docs: MIN_DOCS, chars: num(MIN_CHARS) });
  return (
    <span className="help-tip" data-help={topic}>
      <button
        type="button"
        className="help-button"
        aria-label={text}
        aria-expanded={open}
        title={text}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(!open);
        }}
      >
        ?
      </button>
      {open && (
        <span className="help-pop" role="note">
          {text}
        </span>
      )}
    </span>
  );
}
