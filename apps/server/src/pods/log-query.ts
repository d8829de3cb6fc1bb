/**
 * The log route's query: the shared PodLogQuery plus `sinceTime`, which the browser needs to
 * resume a followed log after a broken stream exactly where it stopped (`sinceSeconds` would
 * depend on the browser's clock agreeing with the cluster's).
 */
import { PodLogQuerySchema } from '@irc/shared';
import Type, { type Static } from 'typebox';

export const RelayLogQuerySchema = Type.Object(
  {
    ...PodLogQuerySchema.properties,
    sinceTime: Type.Optional(Type.String({ format: 'date-time', description: 'RFC 3339 time: only lines logged at or after it (kubelet timestamps)' })),
  },
  { additionalProperties: false },
);
export type RelayLogQuery = Static<typeof RelayLogQuerySchema>;
