/** Mount the app (loaded by `boot.ts`, which has already started the database), old link parameters renamed first. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { upgradeLegacyLinks } from './app/useRoute';
import { App } from './shell/App';
import './styles.css';

upgradeLegacyLinks();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
