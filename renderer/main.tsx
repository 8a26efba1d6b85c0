import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startApp } from './features/app-shell/startup';
import { useStore } from './store';
import './styles/theme.css';
import './styles/base.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

startApp().catch((error: unknown) => {
  useStore.getState().notify({
    kind: 'error',
    title: 'Strata could not finish starting',
    message: `${error instanceof Error ? error.message : String(error)} Reload the window to try again.`,
  });
});
