import { Alert, Flex } from '@patternfly/react-core';
import { Link } from 'react-router';
import type { DiagnosticsResponse, Verdict } from '../api/contract.js';
import { useT } from '../platform/i18n.js';
import { findingPath, fixPath, linkTarget } from '../ui/paths/diagnostics.js';
import { usePlatform } from '../platform/platform.js';

const VARIANT = {
  failing: 'danger',
  warning: 'warning',
  unknown: 'custom',
  info: 'info',
  ok: 'success',
} as const satisfies Record<Verdict, string>;

/**
 * The overview's answer to "is something wrong?": the worst current diagnosis (the contract's
 * `headline`) with a link to it on the Diagnostics page, to its fix and to the object it blames.
 * The region keeps one accessible name ("Current diagnosis") whatever it says, so tests and
 * screen-reader users find it the same way when all is well and when something fails.
 */
export function DiagnosisBanner({ diagnostics }: { diagnostics: DiagnosticsResponse | undefined }) {
  const t = useT();
  const { links } = usePlatform();
  if (!diagnostics) return null;
  const headline = diagnostics.headline;
  let alert;
  if (!headline || diagnostics.verdict === 'ok') {
    alert = (
      <Alert variant="success" isInline isPlain title={t('All diagnostic checks pass')}>
        <Link to={links.page('/diagnostics')}>{t('Open diagnostics')}</Link>
      </Alert>
    );
  } else {
    const { finding } = headline;
    // The blamed object's page, then the pages the finding links to (the ClusterOperator's own
    // "page" is this overview: a link to it would go nowhere).
    const objects: { label: string; target: string }[] = [];
    const objectPage = linkTarget({ label: '', kind: 'object', object: finding.object });
    if (objectPage)
      objects.push({
        label: t('Show {{kind}} {{name}}', { kind: finding.object.kind, name: finding.object.name }),
        target: objectPage,
      });
    for (const link of finding.links) {
      const target = linkTarget(link);
      if (target) objects.push({ label: link.label, target });
    }
    const shown = objects
      .filter((o, i) => o.target !== '/overview' && objects.findIndex((x) => x.target === o.target) === i)
      .slice(0, 2);
    alert = (
      <Alert variant={VARIANT[finding.severity]} isInline title={finding.summary} data-code={finding.code}>
        {finding.evidence[0] ? <p className="irc-multiline">{finding.evidence[0]}</p> : null}
        <Flex className="irc-gap-top" spaceItems={{ default: 'spaceItemsLg' }}>
          <Link to={links.page(findingPath(finding.code))}>{t('Open the diagnosis')}</Link>
          {finding.fix ? <Link to={links.page(fixPath(finding.fix))}>{finding.fix.label}</Link> : null}
          {shown.map(({ label, target }) => (
            <Link key={target} to={links.page(target)}>
              {label}
            </Link>
          ))}
        </Flex>
      </Alert>
    );
  }
  return (
    <section
      aria-label={t('Current diagnosis')}
      data-test="diagnosis-banner"
      data-verdict={diagnostics.verdict}
      className="irc-gap-bottom"
    >
      {alert}
    </section>
  );
}
