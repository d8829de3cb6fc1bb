import { StorageSectionSchema, declaredOnly } from '@irc/shared';
import type { ConfigSpec, FieldError, JsonObject, SectionPatch } from '../../api/contract.js';
import { configuredBackends, type Backend } from '../../ui/storage.js';
import { compact, oneOf, parseInteger, type SectionDefinition } from '../editor/sectionModel.js';

/** Form fields per backend (strings while typing); unknown live fields are kept on save. */
export interface StorageDraft {
  backend: Backend | '';
  managementState: '' | 'Managed' | 'Unmanaged';
  s3: {
    bucket: string;
    region: string;
    regionEndpoint: string;
    chunkSizeMiB: string;
    encrypt: boolean;
    keyID: string;
    virtualHostedStyle: boolean;
    trustedCA: string;
    cloudFrontEnabled: boolean;
    cloudFront: {
      baseURL: string;
      keypairID: string;
      duration: string;
      privateKeyName: string;
      privateKeyKey: string;
    };
  };
  gcs: { bucket: string; region: string; projectID: string; keyID: string };
  azure: {
    accountName: string;
    container: string;
    cloudName: string;
    networkAccessType: 'External' | 'Internal';
    internal: {
      networkResourceGroupName: string;
      vnetName: string;
      subnetName: string;
      privateEndpointName: string;
    };
  };
  swift: {
    authURL: string;
    authVersion: string;
    container: string;
    domain: string;
    domainID: string;
    tenant: string;
    tenantID: string;
    regionName: string;
  };
  pvc: { claim: string };
  ibmcos: {
    bucket: string;
    location: string;
    resourceGroupName: string;
    resourceKeyCRN: string;
    serviceInstanceCRN: string;
  };
}

type Obj = Record<string, unknown>;
const str = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
const obj = (value: unknown): Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : {};

export function storageDraftFromSpec(spec: ConfigSpec): StorageDraft {
  const storage = spec.storage ?? {};
  const s3 = obj(storage.s3);
  const cloudFront = obj(s3.cloudFront);
  const privateKey = obj(cloudFront.privateKey);
  const gcs = obj(storage.gcs);
  const azure = obj(storage.azure);
  const networkAccess = obj(azure.networkAccess);
  const internal = obj(networkAccess.internal);
  const swift = obj(storage.swift);
  const ibmcos = obj(storage.ibmcos);
  return {
    backend: configuredBackends(storage)[0] ?? '',
    managementState: oneOf(storage.managementState, ['Managed', 'Unmanaged'], ''),
    s3: {
      bucket: str(s3.bucket),
      region: str(s3.region),
      regionEndpoint: str(s3.regionEndpoint),
      chunkSizeMiB: str(s3.chunkSizeMiB),
      encrypt: s3.encrypt === true,
      keyID: str(s3.keyID),
      virtualHostedStyle: s3.virtualHostedStyle === true,
      trustedCA: str(obj(s3.trustedCA).name),
      cloudFrontEnabled: s3.cloudFront !== undefined && s3.cloudFront !== null,
      cloudFront: {
        baseURL: str(cloudFront.baseURL),
        keypairID: str(cloudFront.keypairID),
        duration: str(cloudFront.duration),
        privateKeyName: str(privateKey.name),
        privateKeyKey: str(privateKey.key),
      },
    },
    gcs: {
      bucket: str(gcs.bucket),
      region: str(gcs.region),
      projectID: str(gcs.projectID),
      keyID: str(gcs.keyID),
    },
    azure: {
      accountName: str(azure.accountName),
      container: str(azure.container),
      cloudName: str(azure.cloudName),
      networkAccessType: networkAccess.type === 'Internal' ? 'Internal' : 'External',
      internal: {
        networkResourceGroupName: str(internal.networkResourceGroupName),
        vnetName: str(internal.vnetName),
        subnetName: str(internal.subnetName),
        privateEndpointName: str(internal.privateEndpointName),
      },
    },
    swift: {
      authURL: str(swift.authURL),
      authVersion: str(swift.authVersion),
      container: str(swift.container),
      domain: str(swift.domain),
      domainID: str(swift.domainID),
      tenant: str(swift.tenant),
      tenantID: str(swift.tenantID),
      regionName: str(swift.regionName),
    },
    pvc: { claim: str(obj(storage.pvc).claim) },
    ibmcos: {
      bucket: str(ibmcos.bucket),
      location: str(ibmcos.location),
      resourceGroupName: str(ibmcos.resourceGroupName),
      resourceKeyCRN: str(ibmcos.resourceKeyCRN),
      serviceInstanceCRN: str(ibmcos.serviceInstanceCRN),
    },
  };
}

/**
 * Form values over the live backend object: fields the form knows are set or removed, other
 * fields the contract declares are kept as they are (undeclared ones are dropped below and kept
 * on the server: see `keepUndeclared`).
 */
function overlay(live: unknown, known: readonly string[], values: Obj): JsonObject {
  const had = obj(live);
  const out: Obj = { ...had };
  for (const key of known) delete out[key];
  // An empty input removes the field, unless the live object spells it as "" (claim: "").
  for (const [key, value] of Object.entries(values)) if (value === '' && had[key] === '') out[key] = '';
  return { ...out, ...compact(values) } as JsonObject;
}

function backendObject(draft: StorageDraft, live: Obj, errors: FieldError[]): JsonObject {
  switch (draft.backend) {
    case 's3': {
      const d = draft.s3;
      const cf = d.cloudFront;
      const had = obj(live.s3);
      // Booleans: write them when true or when the live object spells them out (the operator
      // always does), so loading and saving an untouched form changes nothing.
      const flag = (key: string, value: boolean) => (value || key in had ? value : undefined);
      return overlay(
        live.s3,
        [
          'bucket',
          'region',
          'regionEndpoint',
          'chunkSizeMiB',
          'encrypt',
          'keyID',
          'virtualHostedStyle',
          'trustedCA',
          'cloudFront',
        ],
        {
          bucket: d.bucket.trim(),
          region: d.region.trim(),
          regionEndpoint: d.regionEndpoint.trim(),
          chunkSizeMiB: parseInteger(d.chunkSizeMiB, 'spec.storage.s3.chunkSizeMiB', errors),
          encrypt: flag('encrypt', d.encrypt),
          keyID: d.keyID.trim(),
          virtualHostedStyle: flag('virtualHostedStyle', d.virtualHostedStyle),
          trustedCA: d.trustedCA.trim()
            ? { name: d.trustedCA.trim() }
            : 'trustedCA' in had
              ? { ...obj(had.trustedCA), name: '' }
              : undefined,
          cloudFront: d.cloudFrontEnabled
            ? compact({
                baseURL: cf.baseURL.trim(),
                keypairID: cf.keypairID.trim(),
                duration: cf.duration.trim(),
                privateKey: compact({ name: cf.privateKeyName.trim(), key: cf.privateKeyKey.trim() }),
              })
            : undefined,
        },
      );
    }
    case 'gcs':
      return overlay(live.gcs, ['bucket', 'region', 'projectID', 'keyID'], trimAll(draft.gcs));
    case 'azure': {
      const d = draft.azure;
      const internal = d.networkAccessType === 'Internal' ? compact(trimAll(d.internal)) : undefined;
      // networkAccess defaults to {type: External}: only spell it out when it says more, or did.
      const spell = d.networkAccessType === 'Internal' || 'networkAccess' in obj(live.azure);
      return overlay(live.azure, ['accountName', 'container', 'cloudName', 'networkAccess'], {
        accountName: d.accountName.trim(),
        container: d.container.trim(),
        cloudName: d.cloudName.trim(),
        networkAccess: spell
          ? { type: d.networkAccessType, ...(internal && Object.keys(internal).length ? { internal } : {}) }
          : undefined,
      });
    }
    case 'swift':
      return overlay(live.swift, Object.keys(draft.swift), trimAll(draft.swift));
    case 'pvc':
      return overlay(live.pvc, ['claim'], { claim: draft.pvc.claim.trim() });
    case 'ibmcos':
      return overlay(live.ibmcos, Object.keys(draft.ibmcos), trimAll(draft.ibmcos));
    case 'emptyDir':
      return overlay(live.emptyDir, [], {});
    case 'oss':
      // No longer supported: kept as it is, never created from the form.
      return obj(live.oss) as JsonObject;
    default:
      return {};
  }
}

function trimAll<T extends Record<string, string>>(values: T): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()]));
}

export function storagePatchFromDraft(
  draft: StorageDraft,
  spec: ConfigSpec,
): { patch: SectionPatch; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (!draft.backend) return { patch: {}, errors };
  const live = (spec.storage ?? {}) as Obj;
  // Only fields the contract declares: the server refuses any other key (it would reach the API,
  // whose strict-decoding answer quotes the stored Config). Live fields the console does not
  // know stay on the object all the same: the section replaces only what the console knows.
  const storage: Obj = {
    [draft.backend]: declaredOnly(
      StorageSectionSchema.properties[draft.backend],
      backendObject(draft, live, errors),
    ),
  };
  if (draft.managementState) storage.managementState = draft.managementState;
  return { patch: { storage: storage as SectionPatch['storage'] }, errors };
}

export const storageSection: SectionDefinition<StorageDraft> = {
  id: 'storage',
  fromSpec: storageDraftFromSpec,
  toPatch: storagePatchFromDraft,
};
