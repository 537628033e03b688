/** A verification worker of `verify-pool.ts`: chains, aligns and merges the pairs of each batch it is sent. */
import type { Codes } from './normalise';
import { parentPort } from 'node:worker_threads';
import { pairSegments } from './detect';
import { SEGMENT_FIELDS } from './hit';
import type { FromWorker, ToWorker } from './verify-pool';
import type { ReuseConfig } from './types';

let codes: Codes[] = [];
let config: ReuseConfig | null = null;

parentPort!.on('message', (m: ToWorker) => {
  if (m.kind === 'init') {
    const chunks = m.chunks.map((c) => new Uint16Array(c));
    const b = m.bounds;
    codes = Array.from({ length: b.length / 3 }, (_, d) => chunks[b[3 * d]!]!.subarray(b[3 * d + 1]!, b[3 * d + 1]! + b[3 * d + 2]!));
    config = m.config;
    return;
  }
  const d = m.data;
  const out: number[] = [];
  for (let at = 0; at < d.length;) {
    const a = d[at]!;
    const b = d[at + 1]!;
    const n = d[at + 2]!;
    const packed = d.subarray(at + 3, at + 3 + n);
    at += 3 + n;
    for (const s of pairSegments(codes[a]!, codes[b]!, packed, a === b, config!)) out.push(a, b, s.aStart, s.aEnd, s.bStart, s.bEnd, s.edits);
  }
  const answer: FromWorker = { id: m.id, out: Int32Array.from(out) };
  if (out.length !== 0 && out.length % SEGMENT_FIELDS !== 0) throw new Error('reuse: malformed passage list');
  parentPort!.postMessage(answer, [answer.out.buffer as ArrayBuffer]);
});
