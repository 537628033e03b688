/** One colour per kind of copying (`COPY_KINDS`), the same in every chart that shows kinds; grey for formulas. */
import type { CopyKind } from '../../common/schema';

export const COPY_KIND_COLORS: Record<CopyKind, string> = {
  self: '#7c3aed',
  vertical: '#b42318',
  template: '#d97706',
  horizontal: '#0e7490',
};

/** Quotation of reference texts, shown beside the kinds of copying, never among them. */
export const QUOTED_COLOR = '#94a3b8';

/** Edges of shared formulas (no kind of copying). */
export const FORMULA_COLOR = '#94a3b8';
