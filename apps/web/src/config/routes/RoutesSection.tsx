import { Grid, GridItem } from '@patternfly/react-core';
import type { ConfigSpec, RouteEntry, SectionPatch } from '../../api/contract.js';
import { useT } from '../../platform/i18n.js';
import { SwitchField, TextField } from '../editor/fields.js';
import { RowList } from '../editor/RowList.js';
import { SectionForm } from '../editor/SectionForm.js';
import { compact, type SectionDefinition } from '../editor/sectionModel.js';

export interface RoutesDraft {
  defaultRoute: boolean;
  routes: { name: string; hostname: string; secretName: string }[];
}

export const routesSection: SectionDefinition<RoutesDraft> = {
  id: 'routes',
  fromSpec: (spec: ConfigSpec) => ({
    defaultRoute: spec.defaultRoute === true,
    routes: (spec.routes ?? []).map((r) => ({
      name: r.name ?? '',
      hostname: r.hostname ?? '',
      secretName: r.secretName ?? '',
    })),
  }),
  toPatch(draft, spec) {
    const routes = draft.routes.map(
      (r) =>
        ({
          name: r.name.trim(),
          ...compact({ hostname: r.hostname.trim(), secretName: r.secretName.trim() }),
        }) as RouteEntry,
    );
    const patch: SectionPatch = {
      // Unset and false mean the same: leave an absent field absent.
      defaultRoute: draft.defaultRoute || spec.defaultRoute !== undefined ? draft.defaultRoute : undefined,
      routes: routes.length ? routes : spec.routes === undefined ? undefined : null,
    };
    return { patch, errors: [] };
  },
};

export default function RoutesSection() {
  const t = useT();
  return (
    <SectionForm definition={routesSection} label={t('Routes configuration')}>
      {({ draft, setDraft }) => (
        <>
          <SwitchField
            path="spec.defaultRoute"
            label={t('Expose the registry with the default route')}
            checked={draft.defaultRoute}
            onChange={(defaultRoute) => setDraft((d) => ({ ...d, defaultRoute }))}
            helper={t(
              'Creates the route default-route (reencrypt) with host default-route-openshift-image-registry.<ingress domain>.',
            )}
          />
          <RowList
            title={t('Custom routes')}
            id="irc-routes"
            description={t(
              'One route per entry. Names must be unique and must not be default-route. The TLS secret lives in openshift-image-registry with keys tls.crt, tls.key and optionally tls.cacrt.',
            )}
            rows={draft.routes}
            onChange={(routes) => setDraft((d) => ({ ...d, routes }))}
            empty={() => ({ name: '', hostname: '', secretName: '' })}
            addLabel={t('Add route')}
            removeLabel={(i) => t('Remove route {{number}}', { number: i + 1 })}
            renderRow={(row, i, update) => (
              <Grid hasGutter>
                <GridItem md={4}>
                  <TextField
                    path={`spec.routes[${i}].name`}
                    label={t('Name')}
                    isRequired
                    value={row.name}
                    onChange={(name) => update({ ...row, name })}
                  />
                </GridItem>
                <GridItem md={4}>
                  <TextField
                    path={`spec.routes[${i}].hostname`}
                    label={t('Hostname')}
                    helper={t('Such as registry.apps.example.com.')}
                    value={row.hostname}
                    onChange={(hostname) => update({ ...row, hostname })}
                  />
                </GridItem>
                <GridItem md={4}>
                  <TextField
                    path={`spec.routes[${i}].secretName`}
                    label={t('TLS secret')}
                    value={row.secretName}
                    onChange={(secretName) => update({ ...row, secretName })}
                  />
                </GridItem>
              </Grid>
            )}
          />
        </>
      )}
    </SectionForm>
  );
}
