import type { ResourceRef } from '../../core/types.js';
import type { CustomResourceDefinition } from '../../validation/index.js';
import { ALL_VERBS, type FieldGetter, type ResourceType } from './resource-type.js';

/** The group/resource key storage uses: one object store per resource, whatever the version. */
export function storageKey(t: Pick<ResourceType, 'group' | 'resource'>): string {
  return `${t.group}/${t.resource}`;
}

function crdFieldGetters(crd: CustomResourceDefinition): Record<string, FieldGetter> {
  // CRDs may declare selectableFields; none of ours do, so only metadata.* apply.
  void crd;
  return {};
}

/** One ResourceType per served version of a CRD. */
export function typesFromCrd(crd: CustomResourceDefinition): ResourceType[] {
  const { group, names, scope } = crd.spec;
  return crd.spec.versions
    .filter((v) => v.served)
    .map((v) => ({
      group,
      version: v.name,
      resource: names.plural,
      kind: names.kind,
      listKind: names.listKind,
      singular: names.singular,
      namespaced: scope === 'Namespaced',
      shortNames: names.shortNames ?? [],
      categories: names.categories ?? [],
      verbs: ALL_VERBS,
      subresources: [
        ...(v.subresources?.status ? ['status'] : []),
        ...(v.subresources?.scale ? ['scale'] : []),
      ],
      hasStatus: Boolean(v.subresources?.status),
      generation: true,
      strategicMerge: false,
      // the CRD registry's Store leaves ReturnDeletedObject unset: a DELETE answers a Success Status
      returnDeletedObject: false,
      nameRule: 'subdomain',
      fields: crdFieldGetters(crd),
      crd,
    }));
}

/** All resource types the server knows, with the lookups the router and kubectl need. */
export class ResourceRegistry {
  private readonly types: ResourceType[] = [];

  add(...types: ResourceType[]): void {
    for (const t of types) {
      const i = this.types.findIndex(
        (x) => x.group === t.group && x.version === t.version && x.resource === t.resource,
      );
      if (i >= 0) this.types[i] = t;
      else this.types.push(t);
    }
  }

  addCrd(crd: CustomResourceDefinition): void {
    this.add(...typesFromCrd(crd));
  }

  all(): readonly ResourceType[] {
    return this.types;
  }

  find(group: string, version: string, resource: string): ResourceType | undefined {
    return this.types.find((t) => t.group === group && t.version === version && t.resource === resource);
  }

  /** Resolves a ResourceRef; an unknown one answers 404 like an unserved path. */
  resolve(ref: ResourceRef): ResourceType | undefined {
    return this.find(ref.group, ref.version, ref.resource);
  }

  /** Any served version of group/resource (RBAC and GC work on group/resource). */
  byGroupResource(group: string, resource: string): ResourceType | undefined {
    return this.types.find((t) => t.group === group && t.resource === resource);
  }

  byKind(apiVersion: string, kind: string): ResourceType | undefined {
    const [group, version] = apiVersion.includes('/')
      ? (apiVersion.split('/') as [string, string])
      : ['', apiVersion];
    return this.types.find((t) => t.group === group && t.version === version && t.kind === kind);
  }

  groups(): string[] {
    return [...new Set(this.types.map((t) => t.group))];
  }

  versionsOf(group: string): string[] {
    return [...new Set(this.types.filter((t) => t.group === group).map((t) => t.version))];
  }

  /** Preferred version of a group: the CRD storage version, else the first registered. */
  preferredVersion(group: string): string | undefined {
    const withCrd = this.types.find((t) => t.group === group && t.crd);
    const storage = withCrd?.crd?.spec.versions.find((v) => v.storage && v.served)?.name;
    return storage ?? this.versionsOf(group)[0];
  }
}
