/**
 * The rule the ingest applies before it calls a document the likely source or copy of its main
 * partner (`doc_reuse.direction`), restated for the dashboard's explanations and checks. It mirrors
 * `directionMinChars` of `ingest/stages/reuse/config.ts` (the web never imports the ingest);
 * `test/web/reuse-rule.test.ts` fails when the two differ.
 */

/** Shared characters a pair needs before a direction is claimed. */
export const DIRECTION_MIN_CHARS = 200;

/** Whether the evidence allows a source / copy label: enough shared text and two known, different years. */
export function directionAllowed(sharedChars: number | null, year: number | null, partnerYear: number | null): boolean {
  return (sharedChars ?? 0) >= DIRECTION_MIN_CHARS && year !== null && partnerYear !== null && year !== partnerYear;
}
