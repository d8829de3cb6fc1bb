import {
  ActionGroup,
  Alert,
  AlertActionLink,
  Button,
  Form,
  HelperText,
  HelperTextItem,
  Stack,
} from '@patternfly/react-core';
import type { ReactNode } from 'react';
import { AccessTooltip } from '../../ui/AccessTooltip.js';
import { useT } from '../../platform/i18n.js';
import { useAccess } from '../../api/access.js';
import { ErrorState, PageLoading } from '../../ui/states.js';
import { ConflictPanel } from './ConflictPanel.js';
import { FieldsContext } from './fields.js';
import { ReviewPanel } from './ReviewPanel.js';
import type { SectionDefinition } from './sectionModel.js';
import { useSectionEditor, type SectionEditor } from './useSectionEditor.js';

interface Props<D> {
  definition: SectionDefinition<D>;
  /** Accessible name of the form. */
  label: string;
  children(editor: SectionEditor<D> & { draft: D }): ReactNode;
  /** Rendered below the form (outside it: e.g. a form of its own). */
  after?(editor: SectionEditor<D> & { draft: D }): ReactNode;
}

/** The frame every section form shares: fields, errors, review (dry run), apply, conflicts. */
export function SectionForm<D>({ definition, label, children, after }: Props<D>) {
  const t = useT();
  const access = useAccess('config.patch');
  const editor = useSectionEditor(definition);
  const { state, evaluation, review } = editor;

  if (editor.query.isError && !state) {
    return (
      <ErrorState
        error={editor.query.error}
        title={t('Could not load the registry configuration')}
        onRetry={() => void editor.query.refetch()}
      />
    );
  }
  if (!state || !evaluation) return <PageLoading label={t('Loading the registry configuration')} />;

  const busy = review.status === 'pending';
  const canReview =
    access.allowed && evaluation.dirty && evaluation.errors.length === 0 && !busy && !editor.conflict;

  return (
    <FieldsContext.Provider
      value={{ errors: editor.errors, disabled: !access.allowed, disabledReason: access.reason }}
    >
      <Stack
        hasGutter
        data-test={`section-${definition.id}`}
        data-resource-version={state.base.resourceVersion}
      >
        {!access.allowed && !access.loading ? (
          <Alert variant="info" isInline title={t('Read-only')}>
            {access.reason}
          </Alert>
        ) : null}
        {editor.staleBase && !editor.conflict ? (
          <Alert
            variant="info"
            isInline
            title={t('The configuration changed since you started editing')}
            actionLinks={
              <AlertActionLink onClick={() => editor.showLiveChanges()}>
                {t('Show what changed')}
              </AlertActionLink>
            }
          />
        ) : null}
        <Form
          aria-label={label}
          onSubmit={(event) => {
            event.preventDefault();
            if (canReview) editor.requestReview();
          }}
        >
          {children({ ...editor, draft: state.draft })}
          {editor.errorList.length ? (
            <HelperText aria-live="polite" data-test="form-errors">
              {editor.errorList.map((error) => (
                <HelperTextItem key={`${error.path}:${error.message}`} variant="error">
                  {`${error.path}: ${error.message}`}
                </HelperTextItem>
              ))}
            </HelperText>
          ) : null}
          <ActionGroup>
            <AccessTooltip access={access}>
              <Button
                type="submit"
                variant="secondary"
                isDisabled={!canReview}
                isLoading={busy && review.status === 'pending' && review.dryRun}
                data-test="review"
              >
                {t('Review changes')}
              </Button>
            </AccessTooltip>
            <Button variant="link" onClick={editor.discard} isDisabled={!state.touched || busy}>
              {t('Reset')}
            </Button>
          </ActionGroup>
          {!evaluation.dirty && state.touched ? (
            <HelperText>
              <HelperTextItem>{t('No change: the form matches the live configuration.')}</HelperTextItem>
            </HelperText>
          ) : null}
        </Form>
        {editor.conflict && editor.conflictSummary ? (
          <ConflictPanel
            seen={state.base.config.spec}
            live={editor.conflict.config.spec}
            summary={editor.conflictSummary}
            onReapply={editor.rebaseOnLive}
            onDiscard={editor.discard}
          />
        ) : null}
        {(evaluation.dirty || review.status === 'applied') && !editor.conflict && review.status !== 'idle' ? (
          <ReviewPanel
            baseSpec={state.base.config.spec}
            evaluation={evaluation}
            review={review}
            canApply={access.allowed && !busy}
            onApply={editor.apply}
          />
        ) : null}
        {after ? after({ ...editor, draft: state.draft }) : null}
      </Stack>
    </FieldsContext.Provider>
  );
}
