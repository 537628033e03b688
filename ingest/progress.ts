/** Where the pipeline reports: messages, and progress through a stage. */
export interface Reporter {
  /** A line for the person running the ingest. */
  log(message: string): void;
  /** A problem with one input that does not stop the run. */
  warn(message: string): void;
  /** Progress through a stage: `done` of `total` items. */
  progress(stage: string, done: number, total: number, item?: string): void;
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
      stream.write(`warning: ${message}\n`);
    },
    progress(stage, done, total, item) {
      if (tty) {
        const width = 28;
        const filled = total ? Math.round((done / total) * width) : width;
        const label = item ? ` ${item.length > 40 ? `…${item.slice(-39)}` : item}` : '';
        stream.write(`\r\u001b[2K${stage.padEnd(9)} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total}${label}`);
        barShown = true;
        if (done === total) clearBar();
      } else if (done === 0 || done === total) {
        stream.write(`${stage}: ${done}/${total}\n`);
      }
    },
  };
}
