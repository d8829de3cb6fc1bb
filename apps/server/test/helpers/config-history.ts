/**
 * Test oracle: every stored version of configs/cluster, straight from the cluster's watch
 * (not through the console), in the order the API server stored them. With it a test can say
 * which version a PATCH was applied on top of (the one just before its result) and whether
 * anything written in between was lost.
 */
import https from 'node:https';

export interface ConfigVersion {
  resourceVersion: string;
  generation: number;
  spec: Record<string, unknown>;
  managedBy: string[];
}

export interface ConfigHistory {
  versions: ConfigVersion[];
  /** The version stored just before `resourceVersion` (what that write was applied on). */
  before(resourceVersion: string): ConfigVersion | undefined;
  find(resourceVersion: string): ConfigVersion | undefined;
  /** Resolves once `resourceVersion` has been seen (watch events may trail the PATCH answer). */
  waitFor(resourceVersion: string, ms?: number): Promise<ConfigVersion>;
  stop(): void;
}

interface WatchEvent {
  type: string;
  object: {
    metadata?: {
      name?: string;
      resourceVersion?: string;
      generation?: number;
      managedFields?: { manager?: string }[];
    };
    spec?: Record<string, unknown>;
  };
}

type Sandbox = { url: string; caPem?: string | undefined };
const CONFIGS = '/apis/imageregistry.operator.openshift.io/v1/configs';

/** The live object, then every version stored after it. */
export async function watchConfigHistory(
  sandbox: Sandbox,
  token: string,
  name = 'cluster',
): Promise<ConfigHistory> {
  const initial = JSON.parse(await getText(sandbox, token, `${CONFIGS}/${name}`)) as WatchEvent['object'];
  const versions: ConfigVersion[] = [];
  const waiters = new Set<() => void>();
  const from = initial.metadata?.resourceVersion ?? '';
  const url = `${sandbox.url}${CONFIGS}?watch=1&resourceVersion=${from}&fieldSelector=metadata.name%3D${name}`;
  return new Promise((resolve, reject) => {
    const req = https.get(
      url,
      { ca: sandbox.caPem, headers: { authorization: `Bearer ${token}` } },
      (res) => {
        if (res.statusCode !== 200) {
          reject(new Error(`watch configs: HTTP ${res.statusCode}`));
          res.resume();
          return;
        }
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
            const line = buffer.slice(0, nl).trim();
            buffer = buffer.slice(nl + 1);
            if (line) record(JSON.parse(line) as WatchEvent);
          }
        });
        res.on('error', () => undefined);
        resolve(history);
      },
    );
    req.on('error', reject);

    function record(event: WatchEvent): void {
      const meta = event.object.metadata;
      if (event.type === 'BOOKMARK' || event.type === 'ERROR' || !meta?.resourceVersion) return;
      versions.push({
        resourceVersion: meta.resourceVersion,
        generation: meta.generation ?? 0,
        spec: event.object.spec ?? {},
        managedBy: (meta.managedFields ?? []).map((f) => f.manager ?? ''),
      });
      for (const wake of waiters) wake();
    }
    record({ type: 'INITIAL', object: initial });

    const index = (rv: string) => versions.findIndex((v) => v.resourceVersion === rv);
    const history: ConfigHistory = {
      versions,
      find: (rv) => versions[index(rv)],
      before: (rv) => (index(rv) > 0 ? versions[index(rv) - 1] : undefined),
      waitFor: (rv, ms = 10_000) =>
        new Promise((done, fail) => {
          const check = () => {
            const v = history.find(rv);
            if (!v) return;
            waiters.delete(check);
            clearTimeout(timer);
            done(v);
          };
          const timer = setTimeout(() => {
            waiters.delete(check);
            fail(new Error(`the watch never showed resourceVersion ${rv}`));
          }, ms);
          waiters.add(check);
          check();
        }),
      stop: () => req.destroy(),
    };
  });
}

function getText(sandbox: Sandbox, token: string, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    https
      .get(
        `${sandbox.url}${path}`,
        { ca: sandbox.caPem, headers: { authorization: `Bearer ${token}` } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () =>
            res.statusCode === 200
              ? resolve(text)
              : reject(new Error(`GET ${path}: ${res.statusCode} ${text}`)),
          );
        },
      )
      .on('error', reject);
  });
}
