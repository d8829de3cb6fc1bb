/**
 * One browser tab of the console, over real HTTP: its own CSRF cookie (issued on a GET, echoed
 * in `X-CSRFToken` on mutations, as apps/web/src/shell/http.ts does), a same-origin `Origin`
 * header, and PATCH bodies carrying the version the admin saw (resourceVersion + generation,
 * as apps/web/src/common/configPatch.ts sends them).
 */
import type { ConfigResponse, ConflictBody, PatchConfigResponse, SectionPatch } from '@irc/shared';

export type PatchOutcome =
  | { status: 200; body: PatchConfigResponse }
  | { status: 409; body: ConflictBody }
  | { status: number; body: Record<string, unknown> };

export class ConsoleTab {
  private csrf: string | undefined;

  constructor(readonly baseUrl: string) {}

  /** GET, keeping the CSRF cookie the server issues on the first one. */
  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      headers: { accept: 'application/json', ...this.cookieHeader(), ...headers },
    });
    const token = /csrf-token=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
    if (token) this.csrf = decodeURIComponent(token);
    return res;
  }

  async config(): Promise<ConfigResponse> {
    const res = await this.get('/api/v1/config');
    if (res.status !== 200) throw new Error(`GET /api/v1/config: ${res.status} ${await res.text()}`);
    return (await res.json()) as ConfigResponse;
  }

  /** PATCH one section against `seen` (the object the admin's form was loaded from). */
  async patch(patch: SectionPatch, seen: ConfigResponse): Promise<PatchOutcome> {
    if (!this.csrf) await this.get('/api/v1/me');
    const generation = seen.config.metadata.generation;
    const res = await fetch(`${this.baseUrl}/api/v1/config`, {
      method: 'PATCH',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        origin: this.baseUrl,
        'x-csrftoken': this.csrf ?? '',
        ...this.cookieHeader(),
      },
      body: JSON.stringify({
        patch,
        resourceVersion: seen.resourceVersion,
        ...(typeof generation === 'number' ? { generation } : {}),
      }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> } as PatchOutcome;
  }

  private cookieHeader(): Record<string, string> {
    return this.csrf ? { cookie: `csrf-token=${encodeURIComponent(this.csrf)}` } : {};
  }
}
