/**
 * Issue 13 item 5: the ways a secret still left the server — an unknown key in a section patch
 * reaching the API (whose strict-decoding 422 quotes the whole stored Config), the
 * `kubectl.kubernetes.io/last-applied-configuration` annotation carrying `spec.httpSecret`, and
 * timeline entries about objects the caller may not read.
 */
import type { ConfigResponse, ErrorBody, TimelineResponse } from '@irc/shared';
import { describe, expect, it } from 'vitest';
import { auditAuthorizer } from '../helpers/kube-audit.js';
import { openStream, until } from './harness.js';
import { patchFresh, registryHarness } from './registry.js';

const VENDOR = 'secret-vendor.internal.example:5000';

describe('secrets that used to leave the server', () => {
  const h = registryHarness({ mutationsPerMinute: 1_000_000 });

  const httpSecret = () =>
    h.kubectl(
      'get',
      'configs.imageregistry.operator.openshift.io',
      'cluster',
      '-o',
      'jsonpath={.spec.httpSecret}',
    );

  describe('a section patch with an undeclared key', () => {
    it('is refused field by field before any API call (the API would quote the stored Config, httpSecret and all)', async () => {
      const secret = await httpSecret();
      expect(secret.length).toBeGreaterThan(32);
      const before = (await (await h.fetch('/api/v1/config')).json()) as ConfigResponse;
      // the harness fetches its CSRF cookie from /api/v1/me (access reviews) on the first write: not in the audit
      await h.fetch('/api/v1/config', { method: 'PATCH', body: '{}' });
      const audit = auditAuthorizer(h.sandbox.apiServer.authorizer, ['admin']);
      try {
        const res = await h.fetch('/api/v1/config', {
          method: 'PATCH',
          body: JSON.stringify({
            patch: { storage: { s3: { bucket: 'b', region: 'us-east-1', notAField: true } } },
            resourceVersion: before.resourceVersion,
          }),
        });
        const text = await res.text();
        expect(text).not.toContain(secret);
        expect(res.status).toBe(422);
        const body = JSON.parse(text) as ErrorBody;
        expect(body.fieldErrors).toEqual([{ path: 'spec.storage.s3.notAField', message: 'unknown field' }]);
        expect(body.message).toContain('spec.storage.s3.notAField');
        const writes = (await audit.settle()).filter((r) => r.verb === 'patch');
        expect(writes.map((r) => r.what)).toEqual([]);
      } finally {
        audit.restore();
      }
      const after = (await (await h.fetch('/api/v1/config')).json()) as ConfigResponse;
      expect(after.config.metadata.generation).toBe(before.config.metadata.generation);
    });
  });

  describe('timeline entries about an object only for callers who may read it', () => {
    it('a viewer (403 on the pull secret and the credentials) reads neither change, live or listed; admin reads both', async () => {
      const viewer = { authorization: `Bearer ${h.tokens.viewer}` };
      expect((await h.fetch('/api/v1/pull-secret', { token: h.tokens.viewer })).status).toBe(403);
      expect((await h.fetch('/api/v1/storage/credentials', { token: h.tokens.viewer })).status).toBe(403);
      const viewerStream = openStream(`${h.baseUrl}/api/v1/stream`, viewer);
      const adminStream = openStream(`${h.baseUrl}/api/v1/stream`);
      await Promise.all([viewerStream.ready, adminStream.ready]);
      await until(
        () => [viewerStream, adminStream].every((s) => s.messages.some((m) => m.event === 'snapshot')),
        'both streams started',
      );

      const pull = await h.fetch(`/api/v1/pull-secret/registries/${encodeURIComponent(VENDOR)}`, {
        method: 'PUT',
        body: JSON.stringify({ username: 'robot', password: 'not-the-point-here' }),
      });
      expect(pull.status).toBe(200);
      const creds = await h.fetch('/api/v1/storage/credentials', {
        method: 'PUT',
        body: JSON.stringify({ values: { REGISTRY_STORAGE_S3_ACCESSKEY: 'AKIAEXAMPLEEXAMPLE' } }),
      });
      expect(creds.status).toBe(200);
      // A later change the viewer may read: it arrives, so the earlier ones were really held back.
      expect((await patchFresh(h, { logLevel: 'Debug' })).status).toBe(200);

      const timelineText = (s: typeof viewerStream) =>
        s.messages
          .filter((m) => m.event === 'timeline')
          .map((m) => m.data)
          .join('\n');
      await until(() => timelineText(adminStream).includes('changed logLevel'), 'the admin stream entries');
      await until(() => timelineText(viewerStream).includes('changed logLevel'), 'the viewer stream entry');
      expect(timelineText(adminStream)).toContain(VENDOR);
      expect(timelineText(adminStream)).toContain('REGISTRY_STORAGE_S3_ACCESSKEY');
      expect(timelineText(viewerStream)).not.toContain('secret-vendor');
      expect(timelineText(viewerStream)).not.toContain('set REGISTRY_STORAGE_S3');
      viewerStream.close();
      adminStream.close();

      const listed = async (token?: string) =>
        JSON.stringify(
          (await (await h.fetch('/api/v1/timeline?type=change', { token })).json()) as TimelineResponse,
        );
      const asViewer = await listed(h.tokens.viewer);
      expect(asViewer).toContain('changed logLevel');
      expect(asViewer).not.toContain('secret-vendor');
      expect(asViewer).not.toContain('set REGISTRY_STORAGE_S3');
      const asAdmin = await listed(h.tokens.admin);
      expect(asAdmin).toContain(VENDOR);
      expect(asAdmin).toContain('REGISTRY_STORAGE_S3_ACCESSKEY');
      // the limit counts what the caller may see: one entry asked for, one readable entry given
      const one = (await (
        await h.fetch('/api/v1/timeline?type=change&limit=1', { token: h.tokens.viewer })
      ).json()) as TimelineResponse;
      expect(one.entries.map((e) => e.type === 'change' && e.change.summary)).toEqual(['changed logLevel']);
    });
  });
});
