/**
 * Issue 8: after exercising every route, no response body, header, log line, stream message or
 * timeline entry contains an S3 key, a pull-secret credential, a CA private key, the registry's
 * httpSecret or a user's token — raw, JSON-escaped, URL-encoded or base64 (even inside a longer
 * base64 blob). Complements secrets.test.ts (storage credentials only) with known canaries on
 * every write path that takes a secret, and every read path, as admin and as viewer.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findCanaries, type Captured } from '../helpers/canary-scan.js';
import { rawRequest } from '../helpers/raw-http.js';
import { routeContext } from '../helpers/route-context.js';
import { csrfCookie, send, type Exchange } from '../helpers/route-client.js';
import { operationsOf, ROUTE_TABLE, type SampleRequest } from '../helpers/route-table.js';
import { makeCertificates } from '../helpers/trust-certs.js';
import { kubectlApplyConfig, registryHarness } from './registry.js';

const word = (n: number) => randomBytes(n).toString('base64url');
const S3_ACCESS = `AKIA${word(12)
  .toUpperCase()
  .replace(/[^A-Z0-9]/g, 'Q')}`;
const S3_SECRET = `irc/S3+${word(24)}`;
const PULL_USER = `irc-robot-${word(6)}`;
const PULL_PASSWORD = `Pull-Pa55-${word(18)}`;
const TOKEN_PASSWORD = `Tok3n-${word(18)}`;
const TOKEN_AUTH = Buffer.from(`robot$irc:${TOKEN_PASSWORD}`).toString('base64');
const GCS_KEY = `{"type":"service_account","private_key_id":"${word(20)}"}`;
/** A plain env value in a Deployment, as the real operator writes REGISTRY_HTTP_SECRET (operator-facts.md). */
const ENV_SECRET = `http-secret-${word(24)}`;
const LAST_APPLIED_SECRET = `applied-${word(24)}`;
const PULL_REGISTRY = 'canary.registry.example';
const TOKEN_REGISTRY = 'canary-token.registry.example:5000';

describe('secret canaries never leave the server', () => {
  const h = registryHarness({ mutationsPerMinute: 1_000_000 });
  const certs = makeCertificates();
  // the middle lines of the private key: any of them appearing anywhere is a leak
  const keyLines = certs.key.split('\n').filter((l) => /^[A-Za-z0-9+/]{64}$/.test(l));
  const captured: Captured[] = [];
  const capture = (where: string, res: Exchange) => {
    captured.push(
      { where: `${where} → ${res.status} body`, text: res.text },
      { where: `${where} → ${res.status} headers`, text: JSON.stringify(res.headers) },
    );
    return res;
  };

  it('the scanner finds a canary in every form a leak takes', () => {
    const secret = PULL_PASSWORD;
    const docker = JSON.stringify({
      auths: { x: { auth: Buffer.from(`${PULL_USER}:${secret}`).toString('base64') } },
    });
    const planted = [
      `{"message":"${secret}"}`,
      JSON.stringify({ m: `a\n${secret}` }),
      `/api/v1/x?q=${encodeURIComponent(secret)}`,
      Buffer.from(`prefix ${secret} suffix`).toString('base64'),
      Buffer.from(`ab${secret}`).toString('base64url'),
      Buffer.from(docker).toString('base64'),
    ];
    for (const text of planted)
      expect(
        findCanaries([{ where: 'planted', text }], {
          secret,
          auth: Buffer.from(`${PULL_USER}:${secret}`).toString('base64'),
        }),
        text,
      ).not.toEqual([]);
    expect(
      findCanaries(
        [
          {
            where: 'clean',
            text: JSON.stringify({ registries: [{ registry: PULL_REGISTRY, hasAuth: true }] }),
          },
        ],
        { secret },
      ),
    ).toEqual([]);
  });

  const liveResourceVersion = async () =>
    ((await (await h.fetch('/api/v1/config')).json()) as { resourceVersion: string }).resourceVersion;

  it('seeds the canaries through the routes that take secrets (and the cluster holds them)', async () => {
    const csrf = await csrfCookie(h.baseUrl);
    const put = async (where: string, req: SampleRequest, token?: string) =>
      capture(where, await send(h.baseUrl, req, token ? { token } : { csrf }));

    const creds = await put('PUT credentials', {
      method: 'PUT',
      path: '/api/v1/storage/credentials',
      body: {
        values: {
          REGISTRY_STORAGE_S3_ACCESSKEY: S3_ACCESS,
          REGISTRY_STORAGE_S3_SECRETKEY: S3_SECRET,
          REGISTRY_STORAGE_GCS_KEYFILE: GCS_KEY,
        },
      },
    });
    expect(creds.status).toBe(200);
    const pull = await put('PUT pull secret (username/password)', {
      method: 'PUT',
      path: `/api/v1/pull-secret/registries/${PULL_REGISTRY}`,
      body: { username: PULL_USER, password: PULL_PASSWORD, email: 'canary@example.com' },
    });
    expect(pull.status).toBe(200);
    const token = await put(
      'PUT pull secret (token)',
      {
        method: 'PUT',
        path: `/api/v1/pull-secret/registries/${encodeURIComponent(TOKEN_REGISTRY)}`,
        body: { token: TOKEN_AUTH },
      },
      h.tokens.admin,
    );
    expect(token.status).toBe(200);
    // a CA private key pasted where a certificate belongs: refused, and never repeated back
    const key = await put('PUT trust (private key)', {
      method: 'PUT',
      path: '/api/v1/trust/canary.registry.example',
      body: { pem: certs.key },
    });
    expect(key.status).toBe(422);
    const bundle = await put('PUT trust (certificate + private key)', {
      method: 'PUT',
      path: '/api/v1/trust/canary.registry.example',
      body: { pem: `${certs.ca}${certs.key}` },
    });
    expect(bundle.status).toBe(422);
    // secrets inside refused requests: wrong key, bad JSON, bad registry name, viewer
    const refused: [string, SampleRequest, string | undefined][] = [
      [
        'PUT credentials (unknown key)',
        {
          method: 'PUT',
          path: '/api/v1/storage/credentials',
          body: { values: { AWS_SECRET_ACCESS_KEY: S3_SECRET } },
        },
        undefined,
      ],
      [
        'PUT credentials (viewer)',
        {
          method: 'PUT',
          path: '/api/v1/storage/credentials',
          body: { values: { REGISTRY_STORAGE_S3_SECRETKEY: S3_SECRET } },
        },
        h.tokens.viewer,
      ],
      [
        'PUT pull secret (bad registry)',
        {
          method: 'PUT',
          path: `/api/v1/pull-secret/registries/${encodeURIComponent('bad host/x')}`,
          body: { username: PULL_USER, password: PULL_PASSWORD },
        },
        undefined,
      ],
      [
        'PUT pull secret (extra field)',
        {
          method: 'PUT',
          path: `/api/v1/pull-secret/registries/${PULL_REGISTRY}`,
          body: { username: PULL_USER, password: PULL_PASSWORD, auth: TOKEN_AUTH },
        },
        undefined,
      ],
      [
        'PUT pull secret (viewer)',
        {
          method: 'PUT',
          path: `/api/v1/pull-secret/registries/${PULL_REGISTRY}`,
          body: { username: PULL_USER, password: PULL_PASSWORD },
        },
        h.tokens.viewer,
      ],
      [
        'PUT trust (private key, viewer)',
        { method: 'PUT', path: '/api/v1/trust/canary.registry.example', body: { pem: certs.key } },
        h.tokens.viewer,
      ],
    ];
    // issue 13: an undeclared key in a section patch used to reach the API, whose strict-decoding
    // 422 quoted the whole stored Config (httpSecret included) and was forwarded as is
    refused.push([
      'PATCH config (undeclared key)',
      {
        method: 'PATCH',
        path: '/api/v1/config',
        body: {
          patch: { storage: { s3: { bucket: 'b', region: 'us-east-1', notAField: true } } },
          resourceVersion: await liveResourceVersion(),
        },
      },
      undefined,
    ]);
    for (const [where, req, as] of refused)
      expect((await put(where, req, as)).status, where).toBeGreaterThanOrEqual(400);
    // issue 13: an ordinary `kubectl apply` keeps the applied spec — httpSecret too — in the
    // last-applied-configuration annotation, which every read of the Config then carried
    await kubectlApplyConfig(h);
    expect(
      await h.kubectl('get', 'configs.imageregistry.operator.openshift.io', 'cluster', '-o', 'json'),
    ).toContain('last-applied-configuration');
    const badJson = await send(
      h.baseUrl,
      { method: 'PUT', path: '/api/v1/storage/credentials' },
      { csrf, headers: { 'content-type': 'application/json' } },
    );
    capture('PUT credentials (no body)', badJson);
    const truncated = await rawRequest(h.baseUrl, {
      method: 'PUT',
      path: '/api/v1/storage/credentials',
      headers: { 'content-type': 'application/json', cookie: `csrf-token=${csrf}`, 'x-csrftoken': csrf },
      body: `{"values":{"REGISTRY_STORAGE_S3_SECRETKEY":"${S3_SECRET}"`,
    });
    expect(truncated.status).toBe(400);
    capture('PUT credentials (truncated JSON)', {
      status: truncated.status,
      headers: truncated.headers,
      text: truncated.text,
    });

    // The real operator's registry Deployment carries REGISTRY_HTTP_SECRET as a plain env value;
    // planted on the operator Deployment (which no controller rewrites), with a last-applied copy.
    await h.kubectl(
      'set',
      'env',
      'deployment/cluster-image-registry-operator',
      '-n',
      'openshift-image-registry',
      `REGISTRY_HTTP_SECRET=${ENV_SECRET}`,
    );
    await h.kubectl(
      'annotate',
      'deployment/cluster-image-registry-operator',
      '-n',
      'openshift-image-registry',
      `kubectl.kubernetes.io/last-applied-configuration=${JSON.stringify({ env: LAST_APPLIED_SECRET })}`,
    );

    // the values are really in the cluster: a scan that finds nothing means something
    const userSecret = JSON.parse(
      await h.kubectl(
        'get',
        'secret',
        'image-registry-private-configuration-user',
        '-n',
        'openshift-image-registry',
        '-o',
        'json',
      ),
    ) as { data: Record<string, string> };
    expect(Buffer.from(userSecret.data.REGISTRY_STORAGE_S3_SECRETKEY ?? '', 'base64').toString()).toBe(
      S3_SECRET,
    );
    const pullSecret = JSON.parse(
      await h.kubectl('get', 'secret', 'pull-secret', '-n', 'openshift-config', '-o', 'json'),
    ) as { data: Record<string, string> };
    const auths = JSON.parse(
      Buffer.from(pullSecret.data['.dockerconfigjson'] ?? '', 'base64').toString(),
    ) as { auths: Record<string, { auth?: string }> };
    expect(auths.auths[PULL_REGISTRY]?.auth).toBe(
      Buffer.from(`${PULL_USER}:${PULL_PASSWORD}`).toString('base64'),
    );
    expect(auths.auths[TOKEN_REGISTRY]?.auth).toBe(TOKEN_AUTH);
    const operator = await h.kubectl(
      'get',
      'deployment/cluster-image-registry-operator',
      '-n',
      'openshift-image-registry',
      '-o',
      'json',
    );
    expect(operator).toContain(ENV_SECRET);
    expect(operator).toContain(LAST_APPLIED_SECRET);
    // the refused key never reached the trust ConfigMap
    expect(await h.kubectl('get', 'configmaps', '-n', 'openshift-config', '-o', 'json')).not.toContain(
      keyLines[0],
    );
  });

  it('exercises every read route, stream, log, diagnostics, timeline and migration preview as admin and viewer', async () => {
    const doc = (await (await h.fetch('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const ctx = routeContext(h, certs.ca);
    const reads = operationsOf(doc).filter((op) => op.startsWith('GET '));
    const extra: SampleRequest[] = [
      { method: 'GET', path: '/api/openapi.json' },
      { method: 'GET', path: '/api/v1/timeline?limit=5000' },
      { method: 'GET', path: '/api/v1/timeline?type=change' },
      { method: 'GET', path: '/api/v1/workloads/deployments/cluster-image-registry-operator' },
      // the registry Deployment as the operator writes it: REGISTRY_HTTP_SECRET (= spec.httpSecret) as a plain env value
      { method: 'GET', path: '/api/v1/workloads/deployments/image-registry' },
    ];
    const pod = await ctx.registryPod();
    extra.push({
      method: 'GET',
      path: `/api/v1/pods/${pod.namespace}/${pod.name}/log?tailLines=2000&timestamps=true`,
    });
    const csrf = await csrfCookie(h.baseUrl);
    // the migration reads pull secrets' contents to rename their registry keys: preview only
    const migrate: SampleRequest = {
      method: 'POST',
      path: '/api/v1/migration/preview',
      body: {
        mappings: [`${PULL_REGISTRY}/*=moved.registry.example/*`],
        namespaces: ['openshift-config'],
        kinds: ['secrets'],
      },
    };
    for (const [who, token] of [
      ['kubeconfig admin', undefined],
      ['admin token', h.tokens.admin],
      ['viewer token', h.tokens.viewer],
    ] as const) {
      for (const op of reads) {
        const row = ROUTE_TABLE[op];
        expect(row, `a route-table row for ${op}`).toBeDefined();
        if (!row) continue;
        capture(`${op} as ${who}`, await send(h.baseUrl, await row.request(ctx), { token, streamMs: 1500 }));
      }
      for (const req of extra)
        capture(`${req.method} ${req.path} as ${who}`, await send(h.baseUrl, req, { token }));
      const preview = capture(
        `migration preview as ${who}`,
        await send(h.baseUrl, migrate, token ? { token } : { csrf }),
      );
      if (who !== 'viewer token')
        expect(preview.text, 'the preview saw the pull secret').toContain(PULL_REGISTRY);
    }
    const stream = captured.find(
      (c) => c.where.startsWith('GET /api/v1/stream as kubeconfig admin') && c.where.endsWith('body'),
    );
    expect(stream?.text).toContain('event: snapshot');
    const timeline = captured
      .filter((c) => c.where.includes('/api/v1/timeline?type=change'))
      .map((c) => c.text)
      .join('\n');
    expect(timeline, 'the timeline recorded the credential change by key name').toContain(
      'REGISTRY_STORAGE_S3_SECRETKEY',
    );
  }, 120_000);

  it('finds none of the canaries in any body, header, log line or harness-seen body', async () => {
    const httpSecret = await h.kubectl(
      'get',
      'configs.imageregistry.operator.openshift.io',
      'cluster',
      '-o',
      'jsonpath={.spec.httpSecret}',
    );
    expect(httpSecret.length).toBeGreaterThan(32);
    expect(keyLines.length).toBeGreaterThan(10);
    const canaries: Record<string, string> = {
      'S3 access key': S3_ACCESS,
      'S3 secret key': S3_SECRET,
      'GCS key file': GCS_KEY,
      'pull secret password': PULL_PASSWORD,
      'pull secret auth': Buffer.from(`${PULL_USER}:${PULL_PASSWORD}`).toString('base64'),
      'pull secret token': TOKEN_AUTH,
      'pull secret token password': TOKEN_PASSWORD,
      httpSecret,
      'Deployment env value': ENV_SECRET,
      'last-applied-configuration': LAST_APPLIED_SECRET,
      'admin token': h.tokens.admin,
      'viewer token': h.tokens.viewer,
      ...Object.fromEntries(keyLines.map((l, i) => [`CA private key line ${i + 1}`, l])),
    };
    const everything: Captured[] = [
      ...captured,
      ...h.logs.map((text, i) => ({ where: `log line ${i + 1}`, text })),
      ...h.bodies.map((text, i) => ({ where: `harness body ${i + 1}`, text })),
    ];
    const problems = findCanaries(everything, canaries);
    console.log(
      `secret scan: ${Object.keys(canaries).length} canaries × ${everything.length} captures (${captured.length / 2} exchanges, ${h.logs.length} log lines)`,
    );
    expect(problems.slice(0, 20)).toEqual([]);
    // issue 13: what the pull secret and the credentials secret hold, told by timeline entries
    // to a caller who may not read them (the viewer gets 403 on both)
    const viewerSaw = captured.filter(
      (c) => c.where.includes('as viewer token') && /timeline|stream/.test(c.where),
    );
    expect(viewerSaw.length).toBeGreaterThan(2);
    expect(
      findCanaries(viewerSaw, {
        'pull secret registry': PULL_REGISTRY,
        'token registry': TOKEN_REGISTRY,
        'credential change': 'set REGISTRY_STORAGE_S3_ACCESSKEY',
      }),
    ).toEqual([]);
    expect(captured.length).toBeGreaterThan(100);
    expect(h.logs.length).toBeGreaterThan(50);
  });
});
