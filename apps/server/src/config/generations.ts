/**
 * resourceVersion → metadata.generation of the Config versions this server has seen (watch
 * events, GET and PATCH answers).
 *
 * Why: the operator writes the Config's status every few seconds and every write bumps
 * resourceVersion, so "the resourceVersion the admin saw is not the live one" says nothing
 * about whether the SPEC the admin edited changed. For a CRD with the status subresource,
 * metadata.generation moves exactly when the spec moves: knowing the generation of the
 * version the admin saw tells a status-only change (safe to apply on top) from a real
 * concurrent edit (409). Bounded: old versions are forgotten first.
 */
import type { KubeObjectLike } from '../kube/resources.js';

export class ConfigGenerations {
  private readonly byVersion = new Map<string, number>();

  constructor(private readonly capacity = 1000) {}

  observe(obj: KubeObjectLike | undefined): void {
    const rv = obj?.metadata?.resourceVersion;
    const generation = generationOf(obj);
    if (!rv || generation === undefined || this.byVersion.has(rv)) return;
    this.byVersion.set(rv, generation);
    // Map keeps insertion order: the first keys are the oldest versions.
    while (this.byVersion.size > this.capacity) {
      const oldest = this.byVersion.keys().next().value;
      if (oldest === undefined) break;
      this.byVersion.delete(oldest);
    }
  }

  generationAt(resourceVersion: string): number | undefined {
    return this.byVersion.get(resourceVersion);
  }

  get size(): number {
    return this.byVersion.size;
  }
}

export function generationOf(obj: KubeObjectLike | undefined): number | undefined {
  const g = obj?.metadata?.generation;
  return typeof g === 'number' && Number.isInteger(g) ? g : undefined;
}
