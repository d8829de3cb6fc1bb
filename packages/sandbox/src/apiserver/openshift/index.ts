import type { Printer } from '../tables/column.js';
import type { ResourceType } from '../resources/resource-type.js';
import { buildConfigType } from './build-configs.js';
import { deploymentConfigType } from './deployment-configs.js';
import { imageStreamType, type RegistryHostnames } from './image-streams.js';
import { buildConfigPrinter, deploymentConfigPrinter, imageStreamPrinter } from './printers.js';

/**
 * The OpenShift API groups the sandbox serves as built-ins — on a real cluster they are
 * aggregated APIs of openshift-apiserver, not CRDs: image.openshift.io ImageStreams,
 * apps.openshift.io DeploymentConfigs, build.openshift.io BuildConfigs.
 */
export function openshiftResourceTypes(hostnames: () => RegistryHostnames): ResourceType[] {
  return [imageStreamType(hostnames), deploymentConfigType(), buildConfigType()];
}

/** Their table printers, keyed like tables/ keys built-ins: `<group>/<resource>`. */
export const OPENSHIFT_PRINTERS: Record<string, Printer> = {
  'image.openshift.io/imagestreams': imageStreamPrinter,
  'apps.openshift.io/deploymentconfigs': deploymentConfigPrinter,
  'build.openshift.io/buildconfigs': buildConfigPrinter,
};

export type { RegistryHostnames };
export { parseImageReference, formatImageReference, type ImageReference } from './image-reference.js';
