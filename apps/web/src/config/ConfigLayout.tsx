import { Content, Nav, NavItem, NavList, PageSection, Title } from '@patternfly/react-core';
import { Link, Outlet, useLocation } from 'react-router';
import { useT } from '../platform/i18n.js';
import { usePlatform } from '../platform/platform.js';
import { LiveUpdatesBanner } from '../ui/LiveUpdatesBanner.js';
import { useFocusField } from '../ui/focusField.js';

export function configSections(t: (key: string) => string) {
  return [
    { path: 'storage', label: t('Storage') },
    { path: 'replicas', label: t('Replicas') },
    { path: 'proxy', label: t('Proxy') },
    { path: 'routes', label: t('Routes') },
    { path: 'requests', label: t('Request limits') },
    { path: 'advanced', label: t('Advanced') },
    { path: 'yaml', label: t('YAML') },
  ];
}

/** Sub-navigation between the configuration sections; each section is its own page (deep link). */
export default function ConfigLayout() {
  const t = useT();
  const { links } = usePlatform();
  const { pathname } = useLocation();
  useFocusField();
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('Registry configuration')}</Title>
        <Content component="p">
          {t(
            'Changes are validated as you type, reviewed with a server-side dry run, and applied as a merge patch to configs.imageregistry.operator.openshift.io/cluster.',
          )}
        </Content>
        <Nav variant="horizontal-subnav" aria-label={t('Configuration sections')}>
          <NavList>
            {configSections(t).map((section) => {
              const to = links.page(`/config/${section.path}`);
              return (
                <NavItem
                  key={section.path}
                  itemId={section.path}
                  isActive={pathname.endsWith(`/config/${section.path}`)}
                >
                  <Link to={to}>{section.label}</Link>
                </NavItem>
              );
            })}
          </NavList>
        </Nav>
      </PageSection>
      <PageSection>
        <LiveUpdatesBanner />
        <Outlet />
      </PageSection>
    </>
  );
}
