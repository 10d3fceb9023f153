import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { takeTokenFromAddress } from '../api/agentToken.ts';
import { prewarmParseWorker } from '../api/parseWorker.ts';
import { App } from './App.tsx';

// Before anything reads the hash: `#token=` goes to this tab's storage, out of the address.
takeTokenFromAddress();
prewarmParseWorker();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
