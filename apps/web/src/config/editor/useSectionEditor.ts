import { deepEqual } from '@irc/shared';
import { useEffect, useMemo, useState } from 'react';
import { conflictOf, seenVersion, usePatchConfig } from '../../api/config.js';
import { fieldErrorsOf } from '../../api/errors.js';
import type { FieldError, PatchConfigResponse } from '../../api/contract.js';
import { useConfigQuery, type ConfigData } from '../../api/config.js';
import { errorsByPath, evaluateSection, summarizeConflict, type SectionDefinition } from './sectionModel.js';

interface EditorState<D> {
  /** The config version the admin is editing against (what they saw). */
  base: ConfigData;
  draft: D;
  /** The admin typed something since `base` was taken. */
  touched: boolean;
}

export type ReviewResult =
  | { status: 'idle' }
  | { status: 'pending'; dryRun: boolean }
  | { status: 'reviewed'; response: PatchConfigResponse }
  | { status: 'applied'; response: PatchConfigResponse }
  | { status: 'failed'; message: string; dryRun: boolean };

/**
 * State of one section form: draft vs. the version it was based on, client-side validation,
 * server dry-run review, apply, and conflict recovery that keeps what the admin typed.
 */
export function useSectionEditor<D>(definition: SectionDefinition<D>) {
  const query = useConfigQuery();
  const mutation = usePatchConfig();
  const [state, setState] = useState<EditorState<D> | null>(null);
  const [review, setReview] = useState<ReviewResult>({ status: 'idle' });
  const [serverErrors, setServerErrors] = useState<FieldError[]>([]);
  const [conflict, setConflict] = useState<ConfigData | null>(null);

  const live = query.data;
  useEffect(() => {
    if (!live) return;
    if (!state || state.base.resourceVersion === live.resourceVersion) {
      if (!state) setState({ base: live, draft: definition.fromSpec(live.config.spec), touched: false });
      return;
    }
    // Follow the live object while the admin has not typed anything; never overwrite edits.
    if (!state.touched)
      setState({ base: live, draft: definition.fromSpec(live.config.spec), touched: false });
    // Only status or metadata moved (the operator writes status all the time): the edit applies
    // to the same spec, so move to the new version silently instead of failing with a 409 later.
    else if (deepEqual(state.base.config.spec, live.config.spec)) setState({ ...state, base: live });
  }, [live, state, definition]);

  const evaluation = useMemo(
    () => (state ? evaluateSection(definition, state.draft, state.base) : null),
    [definition, state],
  );

  const setDraft = (update: (draft: D) => D) => {
    setState((current) => (current ? { ...current, draft: update(current.draft), touched: true } : current));
    setReview({ status: 'idle' });
    setServerErrors([]);
  };

  const send = async (dryRun: boolean, base: ConfigData | undefined = state?.base) => {
    if (!state || !evaluation || !base) return;
    setReview({ status: 'pending', dryRun });
    setServerErrors([]);
    try {
      const response = await mutation.mutateAsync({ patch: evaluation.patch, ...seenVersion(base), dryRun });
      if (dryRun) setReview({ status: 'reviewed', response });
      else {
        setReview({ status: 'applied', response });
        setConflict(null);
        // The stored object is the new base; the form shows it (including operator defaults later).
        const applied = response.config;
        const newBase: ConfigData = {
          ...base,
          config: applied,
          resourceVersion: applied.metadata.resourceVersion ?? base.resourceVersion,
        };
        setState({ base: newBase, draft: definition.fromSpec(applied.spec), touched: false });
      }
    } catch (error) {
      const liveNow = conflictOf(error);
      if (liveNow) {
        setConflict(liveNow);
        setReview({ status: 'idle' });
        return;
      }
      const fieldErrors = fieldErrorsOf(error);
      setServerErrors(fieldErrors);
      setReview({
        status: 'failed',
        message: error instanceof Error ? error.message : String(error),
        dryRun,
      });
    }
  };

  /** After a conflict: keep the draft, edit against the new live version, review again. */
  const rebaseOnLive = () => {
    const target = conflict ?? live;
    if (!state || !target) return;
    setState({ ...state, base: target });
    setConflict(null);
    void send(true, target);
  };

  /** Drop the edits and show the live configuration. */
  const discard = () => {
    if (!live) return;
    setState({ base: live, draft: definition.fromSpec(live.config.spec), touched: false });
    setConflict(null);
    setReview({ status: 'idle' });
    setServerErrors([]);
  };

  const allErrors = [...(evaluation?.errors ?? []), ...serverErrors];
  const staleBase = Boolean(
    state &&
    live &&
    state.touched &&
    live.resourceVersion !== state.base.resourceVersion &&
    !deepEqual(live.config.spec, state.base.config.spec),
  );

  return {
    query,
    state,
    evaluation,
    errors: errorsByPath(allErrors),
    errorList: allErrors,
    setDraft,
    review,
    requestReview: () => void send(true),
    apply: () => void send(false),
    conflict,
    conflictSummary:
      conflict && state && evaluation
        ? summarizeConflict(state.base.config.spec, conflict.config.spec, evaluation.patch)
        : null,
    /** Someone changed the config while the admin was typing (seen on the stream, before any conflict). */
    staleBase,
    showLiveChanges: () => live && setConflict(live),
    rebaseOnLive,
    discard,
  };
}

export type SectionEditor<D> = ReturnType<typeof useSectionEditor<D>>;
