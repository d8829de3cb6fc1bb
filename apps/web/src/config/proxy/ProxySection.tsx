import type { ConfigSpec, SectionPatch } from '../../api/contract.js';
import { useT } from '../../platform/i18n.js';
import { TextField } from '../editor/fields.js';
import { SectionForm } from '../editor/SectionForm.js';
import { compact, type SectionDefinition } from '../editor/sectionModel.js';

export interface ProxyDraft {
  http: string;
  https: string;
  noProxy: string;
}

export const proxySection: SectionDefinition<ProxyDraft> = {
  id: 'proxy',
  fromSpec: (spec: ConfigSpec) => ({
    http: spec.proxy?.http ?? '',
    https: spec.proxy?.https ?? '',
    noProxy: spec.proxy?.noProxy ?? '',
  }),
  toPatch(draft) {
    const proxy = compact({
      http: draft.http.trim(),
      https: draft.https.trim(),
      noProxy: draft.noProxy.trim(),
    });
    return {
      patch: { proxy: Object.keys(proxy).length ? (proxy as SectionPatch['proxy']) : null },
      errors: [],
    };
  },
};

export default function ProxySection() {
  const t = useT();
  return (
    <SectionForm definition={proxySection} label={t('Proxy configuration')}>
      {({ draft, setDraft }) => (
        <>
          <p>
            {t(
              'Proxies the registry uses to reach its storage and upstream registries (pull-through). An empty field falls back to the cluster-wide proxy (proxies.config.openshift.io/cluster).',
            )}
          </p>
          <TextField
            path="spec.proxy.http"
            label={t('HTTP proxy')}
            helper={t('A URL such as http://proxy.example.com:3128.')}
            value={draft.http}
            onChange={(http) => setDraft((d) => ({ ...d, http }))}
          />
          <TextField
            path="spec.proxy.https"
            label={t('HTTPS proxy')}
            helper={t('A URL such as http://proxy.example.com:3128.')}
            value={draft.https}
            onChange={(https) => setDraft((d) => ({ ...d, https }))}
          />
          <TextField
            path="spec.proxy.noProxy"
            label={t('No proxy')}
            helper={t(
              'Comma-separated hosts, domains and CIDRs reached directly, such as .cluster.local,.svc,10.0.0.0/16.',
            )}
            value={draft.noProxy}
            onChange={(noProxy) => setDraft((d) => ({ ...d, noProxy }))}
          />
        </>
      )}
    </SectionForm>
  );
}
