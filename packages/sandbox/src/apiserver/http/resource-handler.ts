import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, badRequest, methodNotAllowed, notFound, statusFailure } from '../../core/errors.js';
import type { KubeObject, UserInfo } from '../../core/types.js';
import { storageKey } from '../resources/registry.js';
import type { ResourceType } from '../resources/resource-type.js';
import { bindPod } from '../service/binding.js';
import { getScale, writeScale } from '../service/scale.js';
import { asObject } from '../service/resource-service.js';
import type { ResourceService } from '../service/resource-service.js';
import { toTable, type IncludeObject } from '../tables/table.js';
import { decodeBody, decodeBodyReportingDuplicates, patchTypeOf, readBody } from './body.js';
import { negotiate, type Rendering } from './negotiate.js';
import { deleteOptions, listOptions, watchOptions, writeOptions } from './params.js';
import type { RequestInfo } from './request-info.js';
import { sendJson, setWarnings } from './respond.js';
import { streamWatch } from './watch-stream.js';

export interface HandlerContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  user: UserInfo;
  info: RequestInfo;
  type: ResourceType;
  service: ResourceService;
}

function includeObject(q: URLSearchParams): IncludeObject {
  const v = q.get('includeObject');
  return v === 'None' || v === 'Object' ? v : 'Metadata';
}

type ListPayload = { items: KubeObject[]; metadata: { resourceVersion: string; continue?: string } };

const partialOf = (o: KubeObject): KubeObject => ({
  kind: 'PartialObjectMetadata',
  apiVersion: 'meta.k8s.io/v1',
  metadata: o.metadata,
});

/** Renders an object as asked: plain JSON, a one-row Table, or PartialObjectMetadata. */
function renderOne(ctx: HandlerContext, rendering: Rendering, obj: KubeObject, now: Date): unknown {
  if (rendering === 'table')
    return toTable(ctx.type, [obj], {
      includeObject: includeObject(ctx.url.searchParams),
      resourceVersion: obj.metadata.resourceVersion,
      now,
    });
  return rendering === 'partial' ? partialOf(obj) : obj;
}

/** Renders a list as asked: the List, a Table, or a PartialObjectMetadataList. */
function renderList(ctx: HandlerContext, rendering: Rendering, list: ListPayload, now: Date): unknown {
  if (rendering === 'table')
    return toTable(ctx.type, list.items, {
      includeObject: includeObject(ctx.url.searchParams),
      resourceVersion: list.metadata.resourceVersion,
      continue: list.metadata.continue,
      now,
    });
  if (rendering === 'partial')
    return {
      kind: 'PartialObjectMetadataList',
      apiVersion: 'meta.k8s.io/v1',
      metadata: list.metadata,
      items: list.items.map(partialOf),
    };
  return list;
}

async function body(ctx: HandlerContext): Promise<unknown> {
  return decodeBody(await readBody(ctx.req), ctx.req.headers['content-type']);
}

/** A write's body and the keys it repeated (create, update, merge and strategic patches report them). */
async function bodyReportingDuplicates(
  ctx: HandlerContext,
): Promise<{ value: unknown; duplicates: string[] }> {
  return decodeBodyReportingDuplicates(await readBody(ctx.req), ctx.req.headers['content-type']);
}

/** Dispatches one resource request (`info.verb` on `type`) to the service and writes the answer. */
export async function handleResource(ctx: HandlerContext): Promise<void> {
  const { info, type, service, user, res, url } = ctx;
  const q = url.searchParams;
  const ns = info.namespace;
  const name = info.name ?? '';
  const rendering = negotiate(ctx.req.headers.accept);
  const pretty = q.get('pretty') === 'true';
  const now = service.clock.now();
  const sub = info.subresource;

  if (sub === 'scale') return handleScale(ctx);
  if (sub === 'binding' && type.group === '' && type.resource === 'pods') {
    if (info.verb !== 'create') throw methodNotAllowed();
    service.authorize(user, 'create', type, ns, name, 'binding');
    return sendJson(res, 201, bindPod(service, ns, asObject(await body(ctx), type), name));
  }
  if (sub !== undefined && STREAMING_SUBRESOURCES.has(sub)) throw streamingUnsupported(sub);
  if (sub === 'log') throw new Error('pods/log is routed to the log handler');
  if (sub !== undefined && (sub !== 'status' || !type.hasStatus)) {
    // The CRD handler answers a subresource the CRD does not define with NotFound naming the
    // object (apiextensions crdHandler.ServeHTTP); kube's built-in routes have no such path.
    if (!type.crd) throw notFoundResource();
    service.authorize(user, info.verb, type, ns, name, sub); // authorization runs before any handler
    throw notFound(type.group, type.resource, name);
  }

  switch (info.verb) {
    case 'get':
      return sendJson(res, 200, renderOne(ctx, rendering, service.get(user, type, ns, name), now), pretty);
    case 'list':
      service.assertCacheReady();
      return sendJson(
        res,
        200,
        renderList(ctx, rendering, service.list(user, type, ns, listOptions(q)), now),
        pretty,
      );
    case 'watch': {
      service.assertCacheReady();
      if (info.name)
        q.set(
          'fieldSelector',
          [q.get('fieldSelector'), `metadata.name=${info.name}`].filter(Boolean).join(','),
        );
      const opts = watchOptions(q);
      const transform =
        rendering === 'table'
          ? (o: KubeObject) =>
              toTable(type, [o], { includeObject: includeObject(q), now: service.clock.now() })
          : rendering === 'partial'
            ? partialOf
            : undefined;
      return streamWatch(
        ctx.req,
        res,
        opts.timeoutSeconds,
        (emit) => service.watch(user, type, ns, opts, emit),
        transform,
      );
    }
    case 'create': {
      if (info.name) throw methodNotAllowed();
      // handlers/create.go validates CreateOptions before it reads the body
      const opts = writeOptions(q, ctx.req.headers['user-agent'], 'CreateOptions');
      const { value, duplicates } = await bodyReportingDuplicates(ctx);
      const result = service.create(user, type, ns, value, { ...opts, duplicateFields: duplicates });
      setWarnings(res, result.warnings);
      return sendJson(res, 201, renderOne(ctx, rendering, result.object, now), pretty);
    }
    case 'update': {
      const opts = writeOptions(q, ctx.req.headers['user-agent'], 'UpdateOptions');
      const { value, duplicates } = await bodyReportingDuplicates(ctx);
      const result = service.update(user, type, ns, name, value, {
        ...opts,
        duplicateFields: duplicates,
        subresource: sub === 'status' ? 'status' : undefined,
      });
      setWarnings(res, result.warnings);
      return sendJson(res, 200, renderOne(ctx, rendering, result.object, now), pretty);
    }
    case 'patch': {
      const patchType = patchTypeOf(ctx.req.headers['content-type']);
      if (patchType === 'apply') {
        const force = q.get('force') === 'true';
        const opts = writeOptions(q, undefined, 'PatchOptions', 'apply');
        const applied = service.apply(user, type, ns, name, await body(ctx), {
          ...opts,
          force,
          subresource: sub === 'status' ? 'status' : undefined,
        });
        setWarnings(res, applied.warnings);
        return sendJson(
          res,
          applied.created ? 201 : 200,
          renderOne(ctx, rendering, applied.object, now),
          pretty,
        );
      }
      const opts = writeOptions(q, ctx.req.headers['user-agent'], 'PatchOptions', patchType);
      const { value, duplicates } = await bodyReportingDuplicates(ctx);
      const result = service.patch(user, type, ns, name, patchType, value, {
        ...opts,
        // json-patch+json reports its own strict errors as `json patch …` (not imitated)
        duplicateFields: patchType === 'json' ? [] : duplicates,
        subresource: sub === 'status' ? 'status' : undefined,
      });
      setWarnings(res, result.warnings);
      return sendJson(res, 200, renderOne(ctx, rendering, result.object, now), pretty);
    }
    case 'delete': {
      const opts = deleteOptions(q, await body(ctx));
      const result = service.delete(user, type, ns, name, opts);
      // handlers/delete.go answers 200 — even for an object that stays (finalizers, a pod's
      // grace period, a terminating namespace) — and 202 only when it stays and the request
      // said orphanDependents=false (kept "so as not to break existing clients").
      const stays =
        !opts.dryRun &&
        service.store.get(storageKey(type), type.namespaced ? ns : undefined, name) !== undefined;
      return sendJson(res, stays && opts.orphanDependents === false ? 202 : 200, result, pretty);
    }
    case 'deletecollection': {
      const result = service.deleteCollection(
        user,
        type,
        ns,
        listOptions(q),
        deleteOptions(q, await body(ctx)),
      );
      return sendJson(res, 200, result, pretty);
    }
    default:
      throw methodNotAllowed();
  }
}

async function handleScale(ctx: HandlerContext): Promise<void> {
  const { info, type, service, user, res, url } = ctx;
  const name = info.name ?? '';
  if (!type.subresources.includes('scale')) {
    if (!type.crd) throw notFoundResource();
    service.authorize(user, info.verb, type, info.namespace, name, 'scale');
    throw notFound(type.group, type.resource, name);
  }
  if (info.verb === 'get') return sendJson(res, 200, getScale(service, user, type, info.namespace, name));
  if (info.verb === 'update' || info.verb === 'patch') {
    const patchType = info.verb === 'patch' ? patchTypeOf(ctx.req.headers['content-type']) : undefined;
    if (patchType === 'apply') throw serverSideApplyUnsupported();
    const sent = await body(ctx);
    const change = patchType ? { patch: { type: patchType, body: sent } } : { put: sent };
    const opts = writeOptions(url.searchParams, ctx.req.headers['user-agent']);
    return sendJson(res, 200, writeScale(service, user, type, info.namespace, name, change, opts));
  }
  throw methodNotAllowed();
}

/** Subresources that need a live container (SPDY/WebSocket streams); the sandbox's containers are simulated. */
export const STREAMING_SUBRESOURCES = new Set(['exec', 'attach', 'portforward', 'proxy']);

export function streamingUnsupported(sub: string): ApiError {
  return badRequest(
    `pods/${sub} is not available in the sandbox cluster: its containers are simulated (use logs, describe and events instead)`,
  );
}

export function notFoundResource(): ApiError {
  return new ApiError(statusFailure(404, 'NotFound', 'the server could not find the requested resource'));
}

function serverSideApplyUnsupported(): ApiError {
  return new ApiError(
    statusFailure(
      415,
      'UnsupportedMediaType',
      'the sandbox does not implement server-side apply (application/apply-patch+yaml); use client-side apply or a merge patch',
    ),
  );
}
