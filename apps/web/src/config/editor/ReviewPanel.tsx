import {
  Alert,
  Button,
  ClipboardCopy,
  CodeBlock,
  CodeBlockCode,
  Content,
  List,
  ListItem,
  Stack,
  Title,
} from '@patternfly/react-core';
import { DiffView } from './DiffView.js';
import type { ConfigSpec } from '../../api/contract.js';
import { useT } from '../../platform/i18n.js';
import type { SectionEvaluation } from './sectionModel.js';
import type { ReviewResult } from './useSectionEditor.js';

interface Props {
  baseSpec: ConfigSpec;
  evaluation: SectionEvaluation;
  review: ReviewResult;
  canApply: boolean;
  onApply(): void;
}

/**
 * Before applying: the exact merge patch and `oc patch` command (the server's, after a dry run;
 * the locally computed one before), the spec diff, warnings and the dry-run verdict.
 */
export function ReviewPanel({ baseSpec, evaluation, review, canApply, onApply }: Props) {
  const t = useT();
  const reviewed = review.status === 'reviewed' || review.status === 'applied' ? review.response : undefined;
  const patch = reviewed?.patch ?? evaluation.merge.patch;
  const ocCommand = reviewed?.ocCommand ?? evaluation.merge.ocCommand;
  const after = reviewed ? (reviewed.config as { spec?: ConfigSpec }).spec : undefined;
  const warnings = reviewed ? reviewed.warnings : evaluation.warnings;

  if (review.status === 'applied') {
    // The form now shows the stored object: only say what was done and how to do it by hand.
    return (
      <section className="irc-review" aria-label={t('Applied change')} data-test="review-panel">
        <Stack hasGutter>
          <Alert variant="success" isInline title={t('Change applied')} data-test="apply-result">
            {t('The operator now rolls it out; watch the overview or the condition timeline.')}
          </Alert>
          <ClipboardCopy
            isReadOnly
            hoverTip={t('Copy the command')}
            clickTip={t('Copied')}
            textAriaLabel={t('oc patch command')}
            toggleAriaLabel={t('Show the full command')}
            data-test="oc-command"
          >
            {review.response.ocCommand}
          </ClipboardCopy>
        </Stack>
      </section>
    );
  }

  return (
    <section className="irc-review" aria-labelledby="irc-review-title" data-test="review-panel">
      <Stack hasGutter>
        <Title headingLevel="h2" size="lg" id="irc-review-title">
          {t('Review the change')}
        </Title>
        {review.status === 'pending' ? (
          <Content component="p">
            {review.dryRun ? t('Running a server-side dry run…') : t('Applying…')}
          </Content>
        ) : null}
        {review.status === 'reviewed' ? (
          <Alert variant="success" isInline title={t('Dry run passed')} data-test="dry-run-result">
            {t('The API server validated this change without storing it. Apply it to make it take effect.')}
          </Alert>
        ) : null}
        {review.status === 'failed' ? (
          <Alert
            variant="danger"
            isInline
            title={
              review.dryRun
                ? t('Dry run failed: the API server would reject this change')
                : t('The change was not applied')
            }
            data-test="dry-run-result"
          >
            {review.message}
          </Alert>
        ) : null}
        {warnings.length ? (
          <Alert variant="warning" isInline title={t('Before you apply')}>
            <List>
              {warnings.map((warning) => (
                <ListItem key={warning}>{warning}</ListItem>
              ))}
            </List>
          </Alert>
        ) : null}
        <Title headingLevel="h3" size="md">
          {reviewed ? t('Changes to the spec (as the API server would store it)') : t('Changes to the spec')}
        </Title>
        <DiffView
          before={baseSpec}
          after={after ?? applyMergePatchForPreview(baseSpec, patch)}
          label={t('Difference between the live spec and the new spec')}
          dataTest="spec-diff"
        />
        <Title headingLevel="h3" size="md">
          {t('Merge patch')}
        </Title>
        <CodeBlock data-test="merge-patch">
          <CodeBlockCode>{JSON.stringify(patch, null, 2)}</CodeBlockCode>
        </CodeBlock>
        <Title headingLevel="h3" size="md">
          {t('Equivalent command')}
        </Title>
        <ClipboardCopy
          isReadOnly
          hoverTip={t('Copy the command')}
          clickTip={t('Copied')}
          textAriaLabel={t('oc patch command')}
          toggleAriaLabel={t('Show the full command')}
          data-test="oc-command"
        >
          {ocCommand}
        </ClipboardCopy>
        {review.status === 'reviewed' ? (
          <div>
            <Button variant="primary" onClick={onApply} isDisabled={!canApply} data-test="apply">
              {t('Apply')}
            </Button>
          </div>
        ) : null}
      </Stack>
    </section>
  );
}

/** RFC 7386 applied locally, to preview the spec before the server has answered. */
export function applyMergePatchForPreview(spec: ConfigSpec, patch: Record<string, unknown>): ConfigSpec {
  const specPatch = (patch.spec ?? {}) as Record<string, unknown>;
  return mergePatch(spec, specPatch) as ConfigSpec;
}

function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const base: Record<string, unknown> =
    typeof target === 'object' && target !== null && !Array.isArray(target)
      ? { ...(target as Record<string, unknown>) }
      : {};
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    if (value === null) delete base[key];
    else base[key] = mergePatch(base[key], value);
  }
  return base;
}
