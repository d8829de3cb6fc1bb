import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { UserInfo } from '../../core/types.js';
import { SUPERUSER_GROUP } from '../rbac/authorizer.js';

export type SandboxUserName = 'admin' | 'viewer' | 'developer';

export interface SandboxUser {
  token: string;
  info: UserInfo;
}

/** The sandbox's users, each with a fresh random bearer token per start. */
export function makeUsers(): Record<SandboxUserName, SandboxUser> {
  const user = (username: string, groups: string[]): SandboxUser => ({
    token: `sandbox-${username}-${randomBytes(24).toString('base64url')}`,
    info: { username, uid: randomUUID(), groups: [...groups, 'system:authenticated'] },
  });
  return {
    admin: user('admin', [SUPERUSER_GROUP]),
    viewer: user('viewer', []),
    developer: user('developer', []),
  };
}

/** Bearer-token authentication: undefined means 401. */
export class TokenAuthenticator {
  private readonly byToken = new Map<string, UserInfo>();

  constructor(users: Iterable<SandboxUser>) {
    for (const u of users) this.byToken.set(u.token, u.info);
  }

  authenticate(req: IncomingMessage): UserInfo | undefined {
    const header = req.headers.authorization;
    const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    return m ? this.byToken.get(m[1] as string) : undefined;
  }
}
