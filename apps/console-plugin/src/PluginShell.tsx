import '@irc/web/app.css';
import { Nav, NavItem, NavList, PageSection, Split, SplitItem } from '@patternfly/react-core';
import type { QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import {
  useT,
  AppProviders,
  createQueryClient,
  ConnectionIndicator,
  usePlatform,
  navEntries,
} from '@irc/web/plugin';
import { createPluginPlatform } from './platform.js';
import { createPlatformSession } from './session.js';

/** How long the event stream stays open after the user left our pages for the console's. */
const STREAM_IDLE_MS = 60_000;

// Module state = one per browser tab: the console loads the plugin once and keeps it.
let queryClient: QueryClient | undefined;
function sharedQueryClient(): QueryClient {
  queryClient ??= createQueryClient();
  return queryClient;
}
const session = createPlatformSession(
  createPluginPlatform,
  STREAM_IDLE_MS,
  () => void sharedQueryClient().invalidateQueries(),
);

/**
 * The console has one left-hand entry for us; this bar moves between our pages. Its eight tabs
 * are wider than the console's content area at common widths (1440 px): the tabs item may
 * shrink (`irc-plugin-nav__tabs`), so PatternFly's horizontal nav scrolls with its own buttons
 * and the live-updates badge beside it stays in view.
 */
function PluginNav() {
  const t = useT();
  const { links } = usePlatform();
  const { pathname } = useLocation();
  const tabs = useRef<HTMLDivElement>(null);
  // The current page's tab may sit past the scrolled edge (the last tabs at 1440 px): show it.
  useEffect(() => {
    tabs.current
      ?.querySelector('[aria-current="page"]')
      ?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [pathname]);
  return (
    <PageSection padding={{ default: 'noPadding' }} className="irc-plugin-nav" data-test="plugin-nav">
      <Split hasGutter>
        <SplitItem isFilled className="irc-plugin-nav__tabs">
          <div ref={tabs}>
            <Nav variant="horizontal-subnav" aria-label={t('Image registry')}>
              <NavList>
                {navEntries(t).map((entry) => {
                  const to = links.page(entry.path);
                  return (
                    <NavItem
                      key={entry.path}
                      itemId={entry.path}
                      isActive={pathname === to || pathname.startsWith(`${to}/`)}
                    >
                      <Link to={to}>{entry.label}</Link>
                    </NavItem>
                  );
                })}
              </NavList>
            </Nav>
          </div>
        </SplitItem>
        <SplitItem>
          <ConnectionIndicator />
        </SplitItem>
      </Split>
    </PageSection>
  );
}

/**
 * What the standalone app's `main.tsx` + `StandaloneShell` are for the standalone app: the
 * providers every page needs, with the console flavour of the platform. The console supplies
 * the page chrome, the theme, PatternFly's CSS and i18next (it loads our catalogue).
 */
export function PluginShell({ children }: { children: ReactNode }) {
  const [platform, setPlatform] = useState(() => session.current());
  useEffect(() => {
    if (!session.retain(platform)) setPlatform(session.current());
    return () => session.release();
  }, [platform]);
  return (
    <AppProviders platform={platform} client={sharedQueryClient()}>
      <PluginNav />
      {children}
    </AppProviders>
  );
}
