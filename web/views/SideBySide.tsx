/**
 * Two documents side by side: aligned passages highlighted in matching colours, and inside them the
 * disguises marked — spun synonyms, placeholders, changed numbers — apart from real edits.
 */
import { useEffect, useMemo, useRef } from 'react';
import { toStringIndices } from '../../common/offsets';
import { alignPassages } from '../compare/align';
import { synonymIndex } from '../compare/tokens';
import { QueryBlock } from '../components/Status';
import { useQuery } from '../db/useQuery';
import { useI18n } from '../app/useI18n';
import { alignedPassages, synonyms } from '../queries/boilerplate';
import { documentById } from '../queries/documents';
import { segmentText } from '../text/segments';
import { PARAMS } from '../app/params';
import { useRoute } from '../app/useRoute';
import { HighlightedText } from './HighlightedText';
import { useDocLabels } from './useDocLabels';
import { comparisonDrawn } from './scroll-to-comparison';

const SIDE_PARAM = { a: PARAMS.compareA, b: PARAMS.compareB } as const;

/** A document chosen by its number (a list of every document would not fit a large corpus), with its label. */
function DocPicker({ value, side, label }: { value: number | null; side: 'a' | 'b'; label: string }) {
  const { setParams } = useRoute();
  const docs = useDocLabels(value === null ? null : [value]);
  const choose = (text: string) => {
    const n = Number(text);
    if (text === '' || (Number.isInteger(n) && n > 0 && n !== value)) setParams({ [SIDE_PARAM[side]]: text || null });
  };
  return (
    <label className="field">
      <span>{label}</span>
      <input
        // uncontrolled, and new whenever the URL's document changes: no copy of it kept in state
        key={value ?? ''}
        className="input small"
        type="number"
        min={1}
        step={1}
        defaultValue={value ?? ''}
        placeholder="#"
        data-testid={`compare-${side}`}
        onBlur={(e) => choose(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Enter' && choose(e.currentTarget.value)}
      />
      {value !== null && <span className="muted small">{docs.label(value)}</span>}
    </label>
  );
}

/** Scroll a pane (not the page) so that passage `link` sits near its top. */
function scrollPane(pane: Element | null | undefined, link: string): void {
  const mark = pane?.querySelector<HTMLElement>(`[data-link="${link}"]`);
  if (pane && mark) pane.scrollTo({ top: Math.max(0, mark.offsetTop - 48), behavior: 'smooth' });
}

/** Clicking a passage on one side brings its counterpart into view on the other. */
function scrollOther(target: EventTarget, side: number): void {
  const link = (target as HTMLElement).closest?.('[data-link]')?.getAttribute('data-link');
  const panes = (target as HTMLElement).closest('.side-by-side')?.querySelectorAll('.doc-pane .doc-text');
  if (link !== null && link !== undefined) scrollPane(panes?.[1 - side], link);
}

function Comparison({ a, b }: { a: number; b: number }) {
  const { t } = useI18n();
  const left = useQuery(documentById(a));
  const right = useQuery(documentById(b));
  const pairs = useQuery(alignedPassages(a, b));
  const syn = useQuery(synonyms());
  const lt = left.data?.[0]?.text ?? '';
  const rt = right.data?.[0]?.text ?? '';
  const panes = useRef<HTMLDivElement>(null);
  const built = useMemo(() => {
    if (!pairs.data || !syn.data) return null;
    // the database counts code points; the comparison slices JavaScript strings
    const [li, ri] = [toStringIndices(lt), toStringIndices(rt)];
    const passages = pairs.data.map((p) => ({
      leftStart: li(p.left_start),
      leftEnd: li(p.left_end),
      rightStart: ri(p.right_start),
      rightEnd: ri(p.right_end),
    }));
    const al = alignPassages(lt, rt, passages, synonymIndex(syn.data));
    return { counts: al.counts, left: segmentText(lt.length, al.left), right: segmentText(rt.length, al.right), n: pairs.data.length };
  }, [pairs.data, syn.data, lt, rt]);
  useEffect(() => {
    // Open on the first aligned passage on both sides.
    panes.current?.querySelectorAll('.doc-pane .doc-text').forEach((pane) => scrollPane(pane, '0'));
    if (built) comparisonDrawn();
  }, [built]);
  return (
    <QueryBlock state={pairs} isEmpty={() => false}>
      {() => (
        <>
          <div className="legend" data-testid="compare-legend">
            <span className="muted">{t('boiler.passages', { n: built?.n ?? 0 })}</span>
            <span className="mark-shared mark-shared-0">{t('boiler.legend.shared')}</span>
            <span className="mark-spun">
              {t('boiler.legend.spun')} {built?.counts.spun ?? 0}
            </span>
            <span className="mark-placeholder">
              {t('boiler.legend.placeholder')} {built?.counts.placeholder ?? 0}
            </span>
            <span className="mark-number">
              {t('boiler.legend.number')} {built?.counts.number ?? 0}
            </span>
            <span className="mark-edit">
              {t('boiler.legend.edit')} {built?.counts.edit ?? 0}
            </span>
          </div>
          {built && built.n === 0 && <p className="muted">{t('boiler.noPassages')}</p>}
          <div className="side-by-side" ref={panes}>
            {[
              { d: left.data?.[0], segs: built?.left, text: lt },
              { d: right.data?.[0], segs: built?.right, text: rt },
            ].map((s, i) => (
              <article key={i} className="doc-pane" onClick={(e) => scrollOther(e.target, i)}>
                <h4>
                  {s.d ? `#${s.d.doc_id} ${s.d.title}` : '…'}
                  <small className="muted">
                    {' '}
                    {s.d?.year ?? ''} {s.d?.org ?? ''}
                  </small>
                </h4>
                <div className="doc-text">{s.segs ? <HighlightedText text={s.text} segments={s.segs} /> : s.text}</div>
              </article>
            ))}
          </div>
        </>
      )}
    </QueryBlock>
  );
}

/** The comparison card for the documents named by the URL's `doc-a` and `doc-b`. */
export function SideBySide() {
  const { t } = useI18n();
  const { param } = useRoute();
  const a = Number(param(PARAMS.compareA)) || null;
  const b = Number(param(PARAMS.compareB)) || null;
  return (
    <section className="card" data-testid="side-by-side" id="compare">
      <header className="card-head">
        <h3>{t('boiler.compare')}</h3>
        <span className="spacer" />
        <DocPicker value={a} side="a" label={t('boiler.pickA')} />
        <DocPicker value={b} side="b" label={t('boiler.pickB')} />
      </header>
      {a && b ? <Comparison a={a} b={b} /> : <p className="muted">{t('boiler.pickHint')}</p>}
    </section>
  );
}
