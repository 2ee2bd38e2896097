/** Entry point: read the launch URL once and render the shell. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { readLaunchParams } from './teams/hostContext';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App launch={readLaunchParams(window.location.search)} />
  </StrictMode>,
);
