import { useMutationState } from '@tanstack/react-query';
import { useT } from '../platform/i18n.js';
import type { Access } from './access.js';
import { ApiError } from '../platform/http.js';

/**
 * The fallback behind the /me checks (which can be stale, or missing on an older server): once a read or a
 * write under `mutationKey` answered 403, controls are disabled with the server's reason.
 */
export function useForbiddenAccess(mutationKey: readonly string[], queryError: unknown): Access {
  const t = useT();
  const errors = useMutationState({
    filters: { mutationKey: [...mutationKey] },
    select: (m) => m.state.error,
  });
  const forbidden = [queryError, ...errors].find(
    (e): e is ApiError => e instanceof ApiError && e.status === 403,
  );
  if (!forbidden) return { allowed: true, reason: '', loading: false };
  return {
    allowed: false,
    reason: t('The server refused: {{message}}', { message: forbidden.message }),
    loading: false,
  };
}
