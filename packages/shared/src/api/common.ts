/**
 * Building blocks shared by every route of the BFF contract.
 *
 * Field paths use the Kubernetes field-path syntax (`spec.routes[1].name`), so that errors from
 * the shared rules and the `details.causes[].field` of an API Status land on the same form field.
 */
import Type, { type Static } from 'typebox';

export const FieldErrorSchema = Type.Object({
  /** Kubernetes field path, e.g. `spec.storage.s3.bucket` or `spec.routes[0].name`. */
  path: Type.String(),
  message: Type.String(),
});
export type FieldError = Static<typeof FieldErrorSchema>;

/**
 * An integer query parameter. Query strings are converted leniently by the validator (`0x10`
 * → 16, `1.5` → 1, `1e2` → 100, `` → 0); the server refuses anything but decimal digits
 * (`-?[0-9]+`, a safe integer) with a 400 naming the parameter — see the server's
 * platform/security.ts, which keys on `type: 'integer'` in a route's querystring schema.
 */
export function QueryInteger(range: { minimum?: number; maximum?: number }) {
  return Type.Integer({
    ...range,
    description:
      'decimal digits, optionally after a minus sign: hex, fractions, exponents, blanks and the empty string are refused',
  });
}

/**
 * Every non-2xx answer of the BFF. `reason` mirrors metav1.Status reasons (Conflict, Invalid,
 * Forbidden, NotFound, Unauthorized …) or a BFF reason (CsrfRejected, RateLimited, BadRequest).
 * `message` is written for a human and never contains secret values or upstream headers.
 */
export const ErrorBodySchema = Type.Object({
  statusCode: Type.Integer(),
  reason: Type.String(),
  message: Type.String(),
  fieldErrors: Type.Optional(Type.Array(FieldErrorSchema)),
});
export type ErrorBody = Static<typeof ErrorBodySchema>;

/**
 * A Kubernetes object as the BFF relays it (managedFields stripped). The precise shapes
 * (Config, ClusterOperator …) live in `registry/`; on the wire we only promise the envelope.
 */
export const KubeObjectSchema = Type.Object(
  {
    apiVersion: Type.String(),
    kind: Type.String(),
    metadata: Type.Object(
      {
        name: Type.Optional(Type.String()),
        namespace: Type.Optional(Type.String()),
        uid: Type.Optional(Type.String()),
        resourceVersion: Type.Optional(Type.String()),
        generation: Type.Optional(Type.Integer()),
        creationTimestamp: Type.Optional(Type.String()),
        labels: Type.Optional(Type.Record(Type.String(), Type.String())),
        annotations: Type.Optional(Type.Record(Type.String(), Type.String())),
      },
      { additionalProperties: true },
    ),
  },
  { additionalProperties: true },
);
export type KubeObject = Static<typeof KubeObjectSchema>;

/** A reference to a cluster object, used by links in diagnostics and the timeline. */
export const ObjectRefSchema = Type.Object({
  kind: Type.String(),
  name: Type.String(),
  namespace: Type.Optional(Type.String()),
  apiVersion: Type.Optional(Type.String()),
});
export type ObjectRef = Static<typeof ObjectRefSchema>;
