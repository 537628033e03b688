/** One line of a decoded source file, with its 1-based line number for the cleaning log. */
export interface SourceLine {
  readonly text: string;
  readonly lineNo: number;
}

/** One removal or rewrite made by a cleaning rule; becomes a `cleaning_log` row. */
export interface Removal {
  readonly rule: string;
  readonly chars: number;
  readonly sample: string;
  readonly lineNo: number | null;
}

/** Facts a wrapper gave away that segmentation may use: a site title, a posting year. */
export interface CleanHints {
  titles: string[];
  postedYear: number | null;
  /** The file was a document-viewer dump (page markers were joined): its line breaks were lost. */
  viewerDump: boolean;
}

/** What a cleaning step returns: the lines it kept and what it removed. */
export interface StepResult {
  readonly lines: SourceLine[];
  readonly removals: Removal[];
}

/** Cut a removed text to a sample short enough for the log. */
export function sampleOf(text: string, max = 200): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
