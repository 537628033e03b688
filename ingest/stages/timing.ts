/** Time per stage of the ingest, added up across calls (and threads). */

/** Runs one stage of work and accounts for its time. */
export type Timer = <T>(stage: string, work: () => T) => T;

/** Milliseconds per stage, added up (across threads too). */
export type StageMs = Record<string, number>;

/** A {@link Timer} that adds each stage's time to `into`. */
export function stageTimer(into: StageMs): Timer {
  return (stage, work) => {
    const t0 = performance.now();
    try {
      return work();
    } finally {
      into[stage] = (into[stage] ?? 0) + performance.now() - t0;
    }
  };
}

/** A timer that only runs the work. */
export const untimed: Timer = (_stage, work) => work();
