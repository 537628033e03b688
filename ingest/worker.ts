/** Worker threads of the ingest: each runs a TypeScript module, as the ingest itself does. */
import { Worker } from 'node:worker_threads';

/** A worker running the module at `url`; under tsx it registers tsx in the worker first, since the ingest runs from TypeScript. */
export function startWorker(url: URL): Worker {
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); })`, { eval: true });
}
