import '../../common/app.css';
import type { QueryClient } from '@tanstack/react-query';
import { useRoutes } from 'react-router';
import { AppProviders, createQueryClient } from '../AppProviders.js';
import type { Platform } from '../platform.js';
import { pageRoutes } from '../routes.js';
import { createPluginPlatform } from './platform.js';

// One platform (one event stream) and one query cache per browser tab, shared by every page
// the console mounts, so moving between console pages keeps the cache and the stream.
let shared: { platform: Platform; client: QueryClient } | undefined;
function tabState() {
  shared ??= { platform: createPluginPlatform(), client: createQueryClient() };
  return shared;
}

/**
 * The exposed module for `console.page/route` (path `/image-registry`, exact false): the same
 * pages as the standalone app, routed below the console's match. The console provides the
 * router, the theme and i18next (it loads locales/en/plugin__image-registry-console-plugin.json).
 */
export default function PluginApp() {
  const { platform, client } = tabState();
  const page = useRoutes(pageRoutes);
  return (
    <AppProviders platform={platform} client={client}>
      <div className="irc-plugin">{page}</div>
    </AppProviders>
  );
}
