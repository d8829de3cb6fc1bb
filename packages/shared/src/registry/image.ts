/** `images.config.openshift.io` v1 Image: cluster-wide image policy (singleton `cluster`). */
import type { Static } from 'typebox';
import { objectMeta } from './core.js';
import { atomicList, bool, obj, opt, setList, str, stringEnum } from './keywords.js';

const REGISTRY_RULE = {
  message:
    'each registry must be a valid hostname[:port][/path] or wildcard *.hostname format without tags or digests',
  rule: String.raw`self.matches('^\\*(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))+$|^((?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))+)?(?::[0-9]+)?)(?:(?:/[a-z0-9]+(?:(?:(?:[._]|__|[-]*)[a-z0-9]+)+)?)+)?$')`,
};

const registryList = (description: string) =>
  atomicList(str({ maxLength: 256, minLength: 1, 'x-kubernetes-validations': [REGISTRY_RULE] }), {
    maxItems: 1024,
    description,
  });

export const RegistrySources = obj(
  {
    allowedRegistries: opt(registryList('Only these registries may be used for image pull and push.')),
    blockedRegistries: opt(registryList('These registries may not be used for image pull and push.')),
    // `format: hostname` sits on the array in the generated CRD; Kubernetes ignores it there.
    containerRuntimeSearchRegistries: opt(setList(str(), { format: 'hostname', minItems: 1 })),
    insecureRegistries: opt(registryList('Registries without a valid TLS certificate or only HTTP.')),
  },
  {
    'x-kubernetes-validations': [
      {
        message: 'Only one of blockedRegistries or allowedRegistries may be set',
        rule: 'has(self.blockedRegistries) ? !has(self.allowedRegistries) : true',
      },
    ],
  },
);

export type RegistrySources = Static<typeof RegistrySources>;

export const IMAGE_STREAM_IMPORT_MODES = ['', 'Legacy', 'PreserveOriginal'] as const;

export const ImageSpec = obj({
  additionalTrustedCA: opt(obj({ name: str({ description: 'ConfigMap in openshift-config.' }) })),
  allowedRegistriesForImport: opt(
    atomicList(obj({ domainName: opt(str()), insecure: opt(bool()) }), {
      description: 'Registries from which normal users may import images.',
    }),
  ),
  externalRegistryHostnames: opt(
    atomicList(str(), { description: 'Extra public hostnames of the internal registry.' }),
  ),
  imageStreamImportMode: opt(stringEnum(IMAGE_STREAM_IMPORT_MODES)),
  registrySources: opt(RegistrySources),
});
export type ImageSpec = Static<typeof ImageSpec>;

export const ImageStatus = obj({
  externalRegistryHostnames: opt(atomicList(str())),
  imageStreamImportMode: opt(stringEnum(IMAGE_STREAM_IMPORT_MODES)),
  internalRegistryHostname: opt(str({ description: 'Set by the image registry operator.' })),
});
export type ImageStatus = Static<typeof ImageStatus>;

export const ImageConfig = obj({
  apiVersion: opt(str()),
  kind: opt(str()),
  metadata: opt(objectMeta()),
  spec: ImageSpec,
  status: opt(ImageStatus),
});
export type ImageConfig = Static<typeof ImageConfig>;
