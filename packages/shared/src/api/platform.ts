/** `/healthz`, `/readyz`. */
import Type, { type Static } from 'typebox';

export const HealthResponseSchema = Type.Object({ status: Type.Literal('ok') });
export type HealthResponse = Static<typeof HealthResponseSchema>;

export const ReadyResponseSchema = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('unavailable')]),
  cluster: Type.Object({
    reachable: Type.Boolean(),
    gitVersion: Type.Optional(Type.String()),
    message: Type.Optional(Type.String()),
  }),
});
export type ReadyResponse = Static<typeof ReadyResponseSchema>;
