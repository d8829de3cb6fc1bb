import '@patternfly/react-core/dist/styles/base.css';
// The chart theme's custom properties (light and dark); inside the console the console loads them.
import '@patternfly/patternfly/patternfly-charts.css';
import './ui/app.css';
import './shell/i18n.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AppProviders, createQueryClient } from './shell/AppProviders.js';
import { pageRoutes } from './shell/routes.js';
import { StandaloneShell } from './shell/standalone/StandaloneShell.js';
import { createStandalonePlatform } from './shell/standalone/platform.js';

const router = createBrowserRouter([{ path: '/', element: <StandaloneShell />, children: pageRoutes }]);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <AppProviders platform={createStandalonePlatform()} client={createQueryClient()}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
