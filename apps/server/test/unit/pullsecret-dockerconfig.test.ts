import { describe, expect, it } from 'vitest';
import { isUserColonSecret, parseDockerConfig, registryEntries } from '../../src/pullsecret/dockerconfig.js';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const TYPE = 'kubernetes.io/dockerconfigjson';

describe('dockerconfigjson parsing', () => {
  it('reports names and field presence, never values', () => {
    const parsed = parseDockerConfig(
      b64(
        JSON.stringify({
          auths: {
            'quay.io': { auth: b64('u:p'), email: 'a@b.c' },
            'r.example.com:5000': { username: 'u', password: 'p' },
            'x.io': { identitytoken: 't' },
          },
        }),
      ),
      TYPE,
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(registryEntries(parsed.doc)).toEqual([
      {
        registry: 'quay.io',
        hasAuth: true,
        hasEmail: true,
        hasUsernamePassword: false,
        hasIdentityToken: false,
      },
      {
        registry: 'r.example.com:5000',
        hasAuth: false,
        hasEmail: false,
        hasUsernamePassword: true,
        hasIdentityToken: false,
      },
      {
        registry: 'x.io',
        hasAuth: false,
        hasEmail: false,
        hasUsernamePassword: false,
        hasIdentityToken: true,
      },
    ]);
  });

  it('names the broken field of a malformed document', () => {
    const problems = (data: string | undefined, type = TYPE) => {
      const p = parseDockerConfig(data, type);
      return p.ok ? [] : p.problems.map((x) => `${x.path} ${x.message}`);
    };
    expect(problems(undefined)).toEqual(['data[.dockerconfigjson] is missing']);
    expect(problems(b64('{'))).toEqual(['data[.dockerconfigjson] is not valid JSON']);
    expect(problems(b64('[]'))).toEqual(['data[.dockerconfigjson] must be a JSON object']);
    expect(problems(b64('{}'))).toEqual(['data[.dockerconfigjson].auths is missing']);
    expect(problems(b64('{"auths":{"q.io":1}}'))).toEqual([
      'data[.dockerconfigjson].auths["q.io"] must be an object',
    ]);
    expect(problems(b64('{"auths":{"q.io":{"auth":"bm9jb2xvbg=="}}}'))).toEqual([
      'data[.dockerconfigjson].auths["q.io"].auth must be base64 of "username:password"',
    ]);
    expect(problems(b64('{"auths":{}}'), 'Opaque')).toEqual([
      'type is "Opaque", expected "kubernetes.io/dockerconfigjson"',
    ]);
  });

  it('auth tokens must decode to user:secret', () => {
    expect(isUserColonSecret(b64('user:secret'))).toBe(true);
    expect(isUserColonSecret(b64('|uhc-pool:eyJ0'))).toBe(true);
    expect(isUserColonSecret(b64('nocolon'))).toBe(false);
    expect(isUserColonSecret(b64(':secret'))).toBe(false);
    expect(isUserColonSecret('not base64!')).toBe(false);
  });
});
