/**
 * Entry point. The database chunk (duckdb-wasm) and the app chunk (React, ECharts) load in
 * parallel; the database starts as soon as its own chunk has run, so the 34 MB wasm compiles while
 * the app is still being parsed.
 */
void import('./db/wasm-connector').then((m) =>
  m.startDatabase().catch(() => {
    // the provider reports the failure; this call only starts the database early
  }),
);
void import('./main');
