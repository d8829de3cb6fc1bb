import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '../platform/http.js';
import { PlatformProvider, type Platform } from '../platform/platform.js';
import { StreamQuerySync } from '../api/streamSync.js';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The event stream tells us when data changes; no polling, no refetch on focus.
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
      },
    },
  });
}

/** What both shells wrap the pages in: platform, query cache, stream → cache sync. */
export function AppProviders({
  platform,
  client,
  children,
}: {
  platform: Platform;
  client: QueryClient;
  children: ReactNode;
}) {
  return (
    <PlatformProvider platform={platform}>
      <QueryClientProvider client={client}>
        <StreamQuerySync />
        {children}
      </QueryClientProvider>
    </PlatformProvider>
  );
}
