/** Where the pipeline reports: messages, and progress through a stage. */
export interface Reporter {
  /** A line for the person running the ingest. */
  log(message: string): void;
  /** A problem with one input that does not stop the run. */
  warn(message: string): void;
  /** Progress through a stage: `done` of `total` items. */
  progress(stage: string, done: number, total: number, item?: string): void;
}

/** Control characters and bidi overrides: in a file name they would move the cursor, recolour or reorder the terminal. */
// oxlint-disable-next-line no-control-regex -- control characters are exactly what this matches
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** Text (a file name, a reason quoting one) safe to print: unprintable characters shown as `\xNN` / `\u{NNNN}`. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => {
    const code = c.codePointAt(0)!;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}

/** A reporter that prints nothing (tests). */
export const quietReporter: Reporter = { log() {}, warn() {}, progress() {} };

/**
 * The terminal reporter: a redrawn progress bar on a TTY, plain lines otherwise (CI logs, pipes),
 * where one line per stage start and end is enough.
 */
export function consoleReporter(stream: NodeJS.WriteStream = process.stderr, out: NodeJS.WriteStream = process.stdout): Reporter {
  const tty = Boolean(stream.isTTY);
  let barShown = false;
  const clearBar = (): void => {
    if (barShown) stream.write('\r\u001b[2K');
    barShown = false;
  };
  return {
    log(message) {
      clearBar();
      out.write(`${message}\n`);
    },
    warn(message) {
      clearBar();
      stream.write(`warning: ${printable(message)}\n`);
    },
    progress(stage, done, total, item) {
      if (tty) {
        const width = 28;
        const filled = total ? Math.round((done / total) * width) : width;
        const label = item ? ` ${printable(item.length > 40 ? `…${item.slice(-39)}` : item)}` : '';
        stream.write(`\r\u001b[2K${stage.padEnd(9)} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total}${label}`);
        barShown = true;
        if (done === total) clearBar();
      } else if (done === 0 || done === total) {
        stream.write(`${stage}: ${done}/${total}\n`);
      }
    },
  };
}
