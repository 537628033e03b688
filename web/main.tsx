/** Entry point: start the database right away (so the wasm compiles while React renders), mount. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startDatabase } from './db/wasm-connector';
import './styles.css';

startDatabase().catch(() => {
  // the provider reports the failure; this early call only overlaps start-up with rendering
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
