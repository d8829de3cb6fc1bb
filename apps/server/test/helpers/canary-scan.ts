/**
 * Looks for known secret values ("canaries") in everything the server let out, in the forms a
 * leak takes: raw, JSON-escaped, URL-encoded, and base64 / base64url — also when the value sits
 * inside a longer base64 blob (a dockerconfigjson, a Secret's data), at any of the 3 alignments.
 */

/** The base64 text that appears wherever `secret` is encoded inside a longer value. */
function base64Cores(secret: string, alphabet: 'base64' | 'base64url'): string[] {
  const out: string[] = [];
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.from('\0'.repeat(shift) + secret, 'utf8')
      .toString(alphabet)
      .replace(/=+$/, '');
    // drop the characters that mix in the neighbours' bits at either end
    const core = encoded.slice(Math.ceil((shift * 4) / 3), encoded.length - 3);
    if (core.length >= 12) out.push(core);
  }
  return out;
}

export function encodedForms(secret: string): string[] {
  const forms = new Set<string>([
    secret,
    JSON.stringify(secret).slice(1, -1),
    encodeURIComponent(secret),
    Buffer.from(secret).toString('base64'),
    ...base64Cores(secret, 'base64'),
    ...base64Cores(secret, 'base64url'),
  ]);
  return [...forms].filter((f) => f.length >= 8);
}

export interface Captured {
  where: string;
  text: string;
}

/** One line per (canary, place) where a form of the canary was found. */
export function findCanaries(captured: readonly Captured[], canaries: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(canaries)) {
    const forms = encodedForms(value);
    for (const c of captured) {
      const form = forms.find((f) => c.text.includes(f));
      if (form) {
        const at = c.text.indexOf(form);
        problems.push(
          `${name} in ${c.where}: …${c.text.slice(Math.max(0, at - 60), at + form.length + 20)}…`,
        );
      }
    }
  }
  return problems;
}
