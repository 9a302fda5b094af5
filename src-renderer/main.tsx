import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installBridgeShim } from './api/bridge-shim';
import { App } from './App';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/tables.css';
import './styles/pages.css';
import './styles/review.css';

// In the desktop app the preload provides window.dd; in a plain browser (tests, development) the
// shim connects to the loopback dev bridge instead.
installBridgeShim();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
