import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { I18N_NAMESPACE } from '../platform/i18n.js';
import { AppProviders } from '../shell/AppProviders.js';
import type { EventStream, StreamListener, StreamState } from '../platform/eventStream.js';
import { routeRequest } from '../platform/http.js';
import type { Platform, RequestOptions, StreamTextOptions } from '../platform/platform.js';

/** An event stream the test drives by hand. */
export class FakeEventStream implements EventStream {
  state: StreamState = 'live';
  private listeners = new Map<string, Set<StreamListener>>();
  private stateListeners = new Set<(s: StreamState) => void>();
  subscribe(kind: string, listener: StreamListener) {
    const set = this.listeners.get(kind) ?? new Set();
    this.listeners.set(kind, set);
    set.add(listener);
    return () => set.delete(listener);
  }
  onState(listener: (s: StreamState) => void) {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }
  emit(kind: string, data: unknown) {
    for (const listener of this.listeners.get(kind) ?? []) listener(data, undefined);
  }
  setState(state: StreamState) {
    this.state = state;
    for (const listener of this.stateListeners) listener(state);
  }
  close() {}
}

export type RequestHandler = (path: string, options: RequestOptions) => unknown;

export interface FakePlatform extends Platform {
  eventStream: FakeEventStream;
  requests: { path: string; options: RequestOptions }[];
}

export function fakePlatform(
  handler: RequestHandler,
  stream?: (path: string, options: StreamTextOptions) => Promise<void>,
): FakePlatform {
  const requests: { path: string; options: RequestOptions }[] = [];
  return {
    apiBase: '/api',
    requests,
    async request(route, ...[call]) {
      const { path, options } = routeRequest(route, call);
      requests.push({ path, options });
      return (await handler(path, options)) as never;
    },
    streamText: (route, options) =>
      stream ? stream(routeRequest(route, options).path, options) : new Promise<void>(() => {}),
    eventStream: new FakeEventStream(),
    links: { page: (p) => p, api: (p) => `/api${p}` },
    i18nNamespace: I18N_NAMESPACE,
  };
}

/** Renders `element` at `path` inside the app providers, as the shells do. */
export function renderPage(
  platform: Platform,
  routes: RouteObject[],
  path: string,
): ReturnType<typeof render> & { client: QueryClient } {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const result = render(
    <AppProviders platform={platform} client={client}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return Object.assign(result, { client });
}

export function route(path: string, element: ReactElement): RouteObject {
  return { path, element };
}
