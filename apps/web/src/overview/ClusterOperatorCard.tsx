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
import { ConditionStatusLabel, MessageLines } from '../common/conditions.js';
import type { ClusterOperator, Condition } from '../common/contract.js';
import { useT } from '../common/i18n.js';
import { Since } from '../common/time.js';
import { useLiveObjects } from '../shell/useStream.js';

const SHOWN = ['Available', 'Progressing', 'Degraded'] as const;

/** The `image-registry` ClusterOperator's three top-level conditions, live from the stream. */
export function ClusterOperatorCard() {
  const t = useT();
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
      <CardBody>{body}</CardBody>
    </Card>
  );
}
