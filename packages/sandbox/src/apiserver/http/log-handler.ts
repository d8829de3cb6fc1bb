import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, badRequest, notFound, statusFailure } from '../../core/errors.js';
import { kubeletHost, kubeletPort, kubeletStopped } from '../../core/kubelet-endpoint.js';
import type { KubeObject, LogLine, UserInfo } from '../../core/types.js';
import type { MemoryPodLogStore } from '../logs/log-store.js';
import { storageKey } from '../resources/registry.js';
import type { ResourceType } from '../resources/resource-type.js';
import type { ResourceService } from '../service/resource-service.js';

interface LogQuery {
  container?: string;
  follow: boolean;
  previous: boolean;
  timestamps: boolean;
  tailLines?: number;
  sinceTime?: Date;
  limitBytes?: number;
}

function nonNegativeInt(q: URLSearchParams, key: string): number | undefined {
  const v = q.get(key);
  if (v === null || v === '') return undefined;
  if (!/^-?\d+$/.test(v))
    throw badRequest(`${key}: strconv.ParseInt: parsing ${JSON.stringify(v)}: invalid syntax`);
  return Number(v);
}

/** PodLogOptions from the query string, validated as kube validates them. */
function parseQuery(q: URLSearchParams, now: Date): LogQuery {
  const flag = (k: string): boolean => q.get(k) === 'true' || q.get(k) === '1';
  const tailLines = nonNegativeInt(q, 'tailLines');
  const sinceSeconds = nonNegativeInt(q, 'sinceSeconds');
  const limitBytes = nonNegativeInt(q, 'limitBytes');
  const sinceTimeRaw = q.get('sinceTime');
  const causes: string[] = [];
  if (tailLines !== undefined && tailLines < 0)
    causes.push('tailLines: Invalid value: ' + tailLines + ': must be greater than or equal to 0');
  if (limitBytes !== undefined && limitBytes < 1)
    causes.push('limitBytes: Invalid value: ' + limitBytes + ': must be greater than 0');
  if (sinceSeconds !== undefined && sinceSeconds < 1)
    causes.push('sinceSeconds: Invalid value: ' + sinceSeconds + ': must be greater than 0');
  if (sinceSeconds !== undefined && sinceTimeRaw)
    causes.push('sinceSeconds: Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified');
  if (causes.length > 0)
    throw badRequest(
      `PodLogOptions "" is invalid: ${causes.length === 1 ? causes[0] : `[${causes.join(', ')}]`}`,
    );
  let sinceTime: Date | undefined;
  if (sinceTimeRaw) {
    sinceTime = new Date(sinceTimeRaw);
    if (Number.isNaN(sinceTime.getTime()))
      throw badRequest(
        `parsing time ${JSON.stringify(sinceTimeRaw)} as "2006-01-02T15:04:05Z07:00": cannot parse`,
      );
  } else if (sinceSeconds !== undefined) sinceTime = new Date(now.getTime() - sinceSeconds * 1000);
  return {
    container: q.get('container') || undefined,
    follow: flag('follow'),
    previous: flag('previous'),
    timestamps: flag('timestamps'),
    tailLines,
    sinceTime,
    limitBytes,
  };
}

function names(list: unknown): string[] {
  return Array.isArray(list) ? list.map((c) => String((c as { name?: unknown }).name ?? '')) : [];
}

/** Which container the request means (kube's error texts when it is ambiguous or unknown). */
function pickContainer(pod: KubeObject, requested: string | undefined): string {
  const spec = (pod.spec ?? {}) as { containers?: unknown; initContainers?: unknown };
  const containers = names(spec.containers);
  const inits = names(spec.initContainers);
  const podName = pod.metadata.name ?? '';
  if (requested) {
    if (containers.includes(requested) || inits.includes(requested)) return requested;
    throw badRequest(`container ${requested} is not valid for pod ${podName}`);
  }
  if (containers.length === 1) return containers[0] as string;
  // A default-container annotation picks one, as kubectl and the kubelet honour it.
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  if (annotated && containers.includes(annotated)) return annotated;
  const extra = inits.length > 0 ? ` or one of the init containers: [${inits.join(' ')}]` : '';
  throw badRequest(
    `a container name must be specified for pod ${podName}, choose one of: [${containers.join(' ')}]${extra}`,
  );
}

function waitingReason(pod: KubeObject, container: string): string | undefined {
  const status = (pod.status ?? {}) as { containerStatuses?: unknown[]; initContainerStatuses?: unknown[] };
  const all = [...(status.containerStatuses ?? []), ...(status.initContainerStatuses ?? [])] as Array<{
    name?: string;
    state?: { waiting?: { reason?: string } };
  }>;
  const s = all.find((c) => c.name === container);
  if (!s) return 'ContainerCreating';
  return s.state?.waiting ? (s.state.waiting.reason ?? 'ContainerCreating') : undefined;
}

/**
 * The kubelet URL kube-apiserver dials for this log (pod.LogLocation): the options it forwards,
 * in url.Values.Encode's order (sorted by key), sinceSeconds as given, sinceTime as RFC 3339.
 */
function kubeletLogURL(
  node: KubeObject,
  pod: KubeObject,
  container: string,
  raw: URLSearchParams,
  q: LogQuery,
): string {
  const params: Array<[string, string]> = [];
  if (q.follow) params.push(['follow', 'true']);
  if (q.limitBytes !== undefined) params.push(['limitBytes', String(q.limitBytes)]);
  if (q.previous) params.push(['previous', 'true']);
  const sinceSeconds = raw.get('sinceSeconds');
  if (sinceSeconds) params.push(['sinceSeconds', String(Number(sinceSeconds))]);
  else if (q.sinceTime) params.push(['sinceTime', q.sinceTime.toISOString().replace(/\.\d+Z$/, 'Z')]);
  if (q.tailLines !== undefined) params.push(['tailLines', String(q.tailLines)]);
  if (q.timestamps) params.push(['timestamps', 'true']);
  const query = params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  const path = `/containerLogs/${pod.metadata.namespace}/${pod.metadata.name}/${container}`;
  return `https://${kubeletHost(node)}:${kubeletPort(node)}${path}${query ? `?${query}` : ''}`;
}

/**
 * A pod whose node's kubelet is down: kube-apiserver's dial fails and the error is not a
 * metav1.Status, so ErrorToAPIStatus answers 500 with reason StatusReasonUnknown (empty, left
 * out; kubectl prints "Error from server: Get …") and the url.Error text as the message — the
 * kubelet URL and the address it dialed. A follow fails the same way, at once.
 */
function refuseIfKubeletDown(
  service: ResourceService,
  pod: KubeObject,
  container: string,
  raw: URLSearchParams,
  q: LogQuery,
): void {
  const nodeName = (pod.spec as { nodeName?: unknown } | undefined)?.nodeName;
  if (typeof nodeName !== 'string' || !nodeName) return;
  const node = service.store.get(storageKey({ group: '', resource: 'nodes' }), undefined, nodeName);
  if (!node || !kubeletStopped(node)) return;
  const target = `${kubeletHost(node)}:${kubeletPort(node)}`;
  const url = kubeletLogURL(node, pod, container, raw, q);
  throw new ApiError(
    statusFailure(500, '', `Get ${JSON.stringify(url)}: dial tcp ${target}: connect: connection refused`),
  );
}

/**
 * GET pods/{name}/log: the kubelet's container log through the API server, with
 * container/previous/tailLines/sinceSeconds/sinceTime/timestamps/limitBytes/follow.
 * A follow streams line by line until the pod is deleted or the client goes away.
 */
export function handlePodLog(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  user: UserInfo,
  service: ResourceService,
  podType: ResourceType,
  logs: MemoryPodLogStore,
  ns: string,
  name: string,
): void {
  service.authorize(user, 'get', podType, ns, name, 'log');
  const pod = service.store.get(storageKey(podType), ns, name);
  if (!pod) throw notFound('', 'pods', name);
  const q = parseQuery(url.searchParams, service.clock.now());
  const container = pickContainer(pod, q.container);
  refuseIfKubeletDown(service, pod, container, url.searchParams, q);
  const lines = logs.read(ns, name, container, {
    previous: q.previous,
    tailLines: q.tailLines,
    sinceTime: q.sinceTime,
  });
  if (q.previous && !lines)
    throw badRequest(`previous terminated container "${container}" in pod "${name}" not found`);
  if (!q.previous && !logs.has(ns, name, container)) {
    const waiting = waitingReason(pod, container);
    if (waiting)
      throw badRequest(`container "${container}" in pod "${name}" is waiting to start: ${waiting}`);
  }

  res.writeHead(200, {
    'Content-Type': 'text/plain',
    'Cache-Control': 'no-cache, private',
    ...(q.follow ? { 'Transfer-Encoding': 'chunked' } : {}),
  });
  res.socket?.setNoDelay(true);
  let budget = q.limitBytes ?? Infinity;
  let closed = false;
  const stops: Array<() => void> = [];
  // Lines logged in the same tick go out as one chunk, as kube-apiserver relays what each read
  // of the kubelet's stream returned (many lines), not one HTTP chunk per line.
  let pending = '';
  let pendingBytes = 0;
  let flushScheduled = false;
  const flush = (): void => {
    flushScheduled = false;
    if (!pending || res.writableEnded) return;
    res.write(pending);
    pending = '';
    pendingBytes = 0;
  };
  const end = (): void => {
    if (closed) return;
    closed = true;
    for (const s of stops) s();
    flush();
    res.end();
  };
  const write = (l: LogLine): void => {
    if (closed) return;
    let text = `${q.timestamps ? `${l.time} ` : ''}${l.text}\n`;
    const bytes = Buffer.byteLength(text);
    if (bytes > budget) text = Buffer.from(text).subarray(0, budget).toString('utf8');
    budget -= Math.min(bytes, budget);
    pending += text;
    pendingBytes += bytes;
    if (pendingBytes >= 64 * 1024) flush();
    else if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flush);
    }
    // limitBytes reached, or a follower that stopped reading: the stream ends.
    if (budget <= 0 || res.writableLength > 16 * 1024 * 1024) end();
  };
  for (const l of lines ?? []) write(l);
  if (!q.follow || q.previous || closed) return end();
  res.flushHeaders();
  stops.push(logs.follow(ns, name, container, write, end));
  stops.push(
    service.store.subscribe(storageKey(podType), (e) => {
      if (e.type === 'DELETED' && e.object.metadata.namespace === ns && e.object.metadata.name === name)
        end();
    }),
  );
  req.on('close', end);
  res.on('close', end);
}
