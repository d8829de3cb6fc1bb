import {
  Button,
  Masthead,
  MastheadBrand,
  MastheadContent,
  MastheadLogo,
  MastheadMain,
  MastheadToggle,
  Nav,
  NavItem,
  NavList,
  Page,
  PageSidebar,
  PageSidebarBody,
  PageToggleButton,
  SkipToContent,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarGroup,
  ToolbarItem,
} from '@patternfly/react-core';
import { BarsIcon, MoonIcon, SunIcon } from '@patternfly/react-icons';
import { Link, Outlet, useLocation } from 'react-router';
import { useT } from '../../platform/i18n.js';
import { useMeQuery } from '../../api/me.js';
import { ConnectionIndicator } from '../ConnectionIndicator.js';
import { navEntries } from '../routes.js';
import { useTheme } from '../theme.js';

const MAIN_ID = 'irc-main';

function ThemeToggle() {
  const t = useT();
  const [theme, setTheme] = useTheme();
  const dark = theme === 'dark';
  return (
    <Button
      variant="plain"
      aria-label={dark ? t('Switch to light theme') : t('Switch to dark theme')}
      aria-pressed={dark}
      icon={dark ? <SunIcon /> : <MoonIcon />}
      onClick={() => setTheme(dark ? 'light' : 'dark')}
      data-test="theme-toggle"
    />
  );
}

function UserName() {
  const me = useMeQuery();
  if (!me.data) return null;
  return (
    <span className="irc-masthead-user" data-test="current-user">
      {me.data.user.username}
    </span>
  );
}

function StandaloneMasthead() {
  const t = useT();
  return (
    <Masthead>
      <MastheadMain>
        <MastheadToggle>
          <PageToggleButton isHamburgerButton aria-label={t('Show or hide the navigation')}>
            <BarsIcon />
          </PageToggleButton>
        </MastheadToggle>
        <MastheadBrand>
          <MastheadLogo
            className="irc-brand-link"
            component={(props: object) => <Link {...props} to="/overview" />}
          >
            <Title headingLevel="h1" size="lg" className="irc-brand-title">
              {t('Image Registry Console')}
            </Title>
          </MastheadLogo>
        </MastheadBrand>
      </MastheadMain>
      <MastheadContent>
        <Toolbar isFullHeight isStatic>
          <ToolbarContent>
            <ToolbarGroup align={{ default: 'alignEnd' }} alignItems="center">
              <ToolbarItem>
                <ConnectionIndicator />
              </ToolbarItem>
              <ToolbarItem>
                <UserName />
              </ToolbarItem>
              <ToolbarItem>
                <ThemeToggle />
              </ToolbarItem>
            </ToolbarGroup>
          </ToolbarContent>
        </Toolbar>
      </MastheadContent>
    </Masthead>
  );
}

function StandaloneNav() {
  const t = useT();
  const { pathname } = useLocation();
  return (
    <Nav aria-label={t('Image registry')}>
      <NavList>
        {navEntries(t).map((entry) => {
          const active = pathname === entry.path || pathname.startsWith(`${entry.path}/`);
          return (
            <NavItem key={entry.path} itemId={entry.path} isActive={active}>
              <Link to={entry.path}>{entry.label}</Link>
            </NavItem>
          );
        })}
      </NavList>
    </Nav>
  );
}

/** Page chrome of the standalone app; the console provides its own in the plugin. */
export function StandaloneShell() {
  const t = useT();
  return (
    <Page
      masthead={<StandaloneMasthead />}
      sidebar={
        <PageSidebar>
          <PageSidebarBody>
            <StandaloneNav />
          </PageSidebarBody>
        </PageSidebar>
      }
      isManagedSidebar
      skipToContent={<SkipToContent href={`#${MAIN_ID}`}>{t('Skip to content')}</SkipToContent>}
      mainContainerId={MAIN_ID}
    >
      <Outlet />
    </Page>
  );
}
