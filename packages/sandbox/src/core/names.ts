import { randomBytes, randomInt } from 'node:crypto';
import { stableStringify } from './objects.js';

/**
 * Kubernetes' "safe" alphabet (k8s.io/apimachinery/pkg/util/rand): no vowels and no characters
 * that look alike, so generated names never spell words. Used for pod suffixes and hashes.
 */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** A generateName-style suffix: `rand.String(5)`. */
export function randomSuffix(n = 5): string {
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHANUMS[randomInt(ALPHANUMS.length)];
  return s;
}

/** FNV-1a, 32 bit: what the deployment controller hashes pod templates with. */
export function fnv32a(input: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    h ^= input.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** rand.SafeEncodeString: maps each character of the decimal hash into the safe alphabet. */
export function safeEncode(s: string): string {
  return [...s].map((c) => ALPHANUMS[c.charCodeAt(0) % ALPHANUMS.length]).join('');
}

/**
 * The `pod-template-hash` of a template (controller.ComputeHash): FNV of the template without
 * its own hash label, plus the collision count. Same template → same name, as in kube.
 */
export function podTemplateHash(template: unknown, collisionCount = 0): string {
  return safeEncode(
    String(fnv32a(stableStringify(template) + (collisionCount ? String(collisionCount) : ''))),
  );
}

export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

export function uuid(): string {
  return crypto.randomUUID();
}
