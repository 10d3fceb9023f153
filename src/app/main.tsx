import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { prewarmParseWorker } from '../api/parseWorker.ts';
import { App } from './App.tsx';
import './fonts.css';
import './app.css';

prewarmParseWorker();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
