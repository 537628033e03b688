/**
 * Entry point. The database chunk (duckdb-wasm) and the app chunk (React, ECharts) load in
 * parallel; the database starts (`openDatabase`, its one start-up) as soon as its own chunk has run,
 * so the 34 MB wasm compiles while the app is still being parsed.
 */
void import('./db/database').then((m) => {
  void m.openDatabase(); // the provider follows the same promise and reports a failure
});
void import('./main');
