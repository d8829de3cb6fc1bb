/** `/healthz`, `/readyz`. */
import Type, { type Static } from 'typebox';

export const HealthResponseSchema = Type.Object({ status: Type.Literal('ok') });
export type HealthResponse = Static<typeof HealthResponseSchema>;

/**
 * Readiness says a status and, when unavailable, which check failed — nothing about the cluster
 * (no version, no address, no error text): probes are answered to anyone.
 */
export const ReadyResponseSchema = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('unavailable')]),
  reason: Type.Optional(Type.Union([Type.Literal('ShuttingDown'), Type.Literal('ClusterUnreachable')])),
});
export type ReadyResponse = Static<typeof ReadyResponseSchema>;
