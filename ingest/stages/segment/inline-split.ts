/**
 * Viewer dumps lose every line break: titles, headings and list items run into one line. Restore the
 * paragraph breaks that are certain: before a document title (a short span ending in 要点/报告/…
 * followed by an opening), and before outline markers that follow a finished sentence.
 */

/** A title ending with a genre word, followed by the start of a document body. */
const INLINE_TITLE =
  /(?<=^|[。!?!?])((?:19|20)\d{2}年?度?)?[^。,,;;::!?!?“”\s]{2,40}?(?:工作要点|工作计划|实施方案|工作总结|述职报告|情况报告|研判报告|工作报告|要点|计划|方案|总结|报告)(?=(?:19|20)\d{2}年|今年|[一二三四五六七八九十]{1,3}\s*[、.．]|根据|按照|为(?:深入|进一步|全面|认真|切实)|现将|本人)/gu;

const BREAK_BEFORE = [
  // 一、 二 . after a finished sentence or colon
  /(?<=[。!?!?;;::])(?=[一二三四五六七八九十]{1,3}\s*[、.．])/gu,
  // (一) after a finished sentence or colon
  /(?<=[。!?!?;;::])(?=[((][一二三四五六七八九十]{1,3}[))])/gu,
  // 1、 1. 1 . after a finished sentence, or glued to a heading
  /(?<=[。!?!?;;::\p{Script=Han}])(?=\d{1,2}(?:、|\s?[.．](?!\d)))/gu,
];

/**
 * An article title without a genre word, such as 奋力走好新时代宣传思想文化“赶考路”: a short span ending
 * in a quoted phrase, between a finished sentence and the next one. Many sentences start that way, so
 * it counts as a title only when the article echoes it later (quotes dropped), as articles do.
 */
const ECHOED_TITLE = /(?<=[。!?!?])[^。,,;;::!?!?“”\s]{2,28}“[^”]{1,12}”(?=\p{Script=Han})/gu;

const unquote = (s: string): string => s.replace(/[“”]/gu, '');

const LEADING_TITLE = new RegExp(`^(?:${INLINE_TITLE.source.replace('(?<=^|[。!?!?])', '')})`, 'u');

/**
 * A paragraph that starts with its document's title glued to the opening (`…工作要点2024年是…`),
 * as copy-paste from web pages often leaves it: the title as a paragraph of its own, then the rest.
 */
export function splitLeadingTitle(paragraph: string): RestoredParagraph[] {
  const m = LEADING_TITLE.exec(paragraph);
  if (!m || m[0].length === paragraph.length) return [{ text: paragraph, title: false }];
  return [{ text: m[0], title: true }, { text: paragraph.slice(m[0].length).trim(), title: false }];
}

/** A paragraph restored from a run-together line, and whether it is a document title. */
export interface RestoredParagraph {
  readonly text: string;
  readonly title: boolean;
}

/** Split one run-together paragraph into the paragraphs it had, marking the titles found inside it. */
export function splitRunTogether(paragraph: string): RestoredParagraph[] {
  const titles = new Set<string>();
  let marked = paragraph.replace(INLINE_TITLE, (m) => {
    titles.add(m);
    return `\u0000${m}\u0000`;
  });
  marked = marked.replace(ECHOED_TITLE, (m, offset: number, whole: string) => {
    const bare = unquote(m);
    if (bare.length < 8 || !unquote(whole.slice(offset + m.length)).includes(bare)) return m;
    titles.add(m);
    return `\u0000${m}\u0000`;
  });
  for (const re of BREAK_BEFORE) marked = marked.replace(re, '\u0000');
  return marked
    .split('\u0000')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((text) => ({ text, title: titles.has(text) }));
}
