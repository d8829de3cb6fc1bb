import {
  Alert,
  Card,
  CardBody,
  CardTitle,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Flex,
  Skeleton,
} from '@patternfly/react-core';
import { Link } from 'react-router';
import { ConditionStatusLabel, MessageLines } from '../ui/conditions.js';
import type { ClusterOperator, Condition, DiagnosticsResponse, Finding } from '../api/contract.js';
import { useT } from '../platform/i18n.js';
import { Since } from '../ui/time.js';
import { usePlatform } from '../platform/platform.js';
import { useLiveObjects } from '../platform/useStream.js';
import { workloadPaths } from '../ui/paths/workloads.js';

const SHOWN = ['Available', 'Progressing', 'Degraded'] as const;

/** Diagnoses that mean nobody updates these conditions: the operator is absent, down or not reconciling. */
const STALE_CODES = ['operator-not-reconciling', 'operator-not-running', 'operator-not-installed'];

/** The diagnosis that makes the ClusterOperator's status stale, the one about the ClusterOperator first. */
export function staleStatusFinding(diagnostics: DiagnosticsResponse | undefined): Finding | undefined {
  const stale = (diagnostics?.steps ?? [])
    .flatMap((step) => step.findings)
    .filter((f) => STALE_CODES.includes(f.code));
  return stale.find((f) => f.object.kind === 'ClusterOperator') ?? stale[0];
}

/** Says the conditions below are from before the operator stopped, with why and where to look. */
function StaleWarning({ finding }: { finding: Finding }) {
  const t = useT();
  const { links } = usePlatform();
  return (
    <Alert
      variant="warning"
      isInline
      className="irc-gap-bottom"
      data-test="co-stale"
      title={t('This status may be stale: the operator is not reconciling')}
    >
      <p>{finding.summary}</p>
      {finding.evidence.length ? <p className="irc-subtle">{finding.evidence.join(' · ')}</p> : null}
      <Link to={links.page(workloadPaths.operator())}>{t('Show the operator Deployment')}</Link>
    </Alert>
  );
}

/** The `image-registry` ClusterOperator's three top-level conditions, live from the stream. */
export function ClusterOperatorCard({ diagnostics }: { diagnostics?: DiagnosticsResponse }) {
  const t = useT();
  const stale = staleStatusFinding(diagnostics);
  const live = useLiveObjects('ClusterOperator');
  const operator = live.items.find((item) => item.metadata.name === 'image-registry') as
    ClusterOperator | undefined;
  const conditions = operator?.status?.conditions ?? [];

  let body;
  if (live.state === 'forbidden') {
    body = (
      <Alert variant="info" isInline title={t('You cannot read the ClusterOperator')}>
        {live.message ?? t('Ask for read access to clusteroperators.config.openshift.io/image-registry.')}
      </Alert>
    );
  } else if (live.state === 'pending') {
    body = <Skeleton height="6rem" screenreaderText={t('Loading the cluster operator status')} />;
  } else if (!operator) {
    body = <p>{t('The ClusterOperator image-registry does not exist.')}</p>;
  } else {
    body = (
      <DescriptionList isHorizontal>
        {SHOWN.map((type) => {
          const condition: Condition | undefined = conditions.find((c) => c.type === type);
          return (
            <DescriptionListGroup key={type} data-test={`co-${type}`}>
              <DescriptionListTerm>{type}</DescriptionListTerm>
              <DescriptionListDescription>
                {condition ? (
                  <>
                    <Flex
                      spaceItems={{ default: 'spaceItemsSm' }}
                      alignItems={{ default: 'alignItemsCenter' }}
                    >
                      <ConditionStatusLabel condition={condition} />
                      <span>{condition.reason}</span>
                      <span className="irc-subtle">
                        <Since time={condition.lastTransitionTime} />
                      </span>
                    </Flex>
                    <MessageLines message={condition.message} />
                  </>
                ) : (
                  t('Not reported')
                )}
              </DescriptionListDescription>
            </DescriptionListGroup>
          );
        })}
      </DescriptionList>
    );
  }

  return (
    <Card data-test="cluster-operator" isFullHeight>
      <CardTitle component="h2">{t('Cluster operator')}</CardTitle>
      <CardBody>
        {stale ? <StaleWarning finding={stale} /> : null}
        {body}
      </CardBody>
    </Card>
  );
}
