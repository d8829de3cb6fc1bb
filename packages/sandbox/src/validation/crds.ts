/**
 * The CustomResourceDefinitions the sandbox serves, built from packages/shared's registry
 * schemas: names, scope, versions, status subresource and printer columns as openshift/api
 * generates them, so `kubectl get crd`, `kubectl get co` and `kubectl explain` behave as on a
 * real cluster.
 */
import type { TSchema } from 'typebox';
import { ClusterOperator, Config, ConsolePlugin, ImageConfig, ImagePruner, Route } from '@irc/shared';
import { APIServer, Infrastructure, Proxy } from './platform-schemas.js';
import { toOpenApiSchema } from './typebox-to-openapi.js';
import type { CustomResourceDefinition } from './types.js';

type Version = CustomResourceDefinition['spec']['versions'][number];
type PrinterColumn = NonNullable<Version['additionalPrinterColumns']>[number];

interface CrdSource {
  group: string;
  kind: string;
  plural: string;
  scope: 'Namespaced' | 'Cluster';
  shortNames?: string[];
  schema: TSchema;
  description: string;
  statusSubresource: boolean;
  printerColumns?: PrinterColumn[];
  annotations?: Record<string, string>;
}

const condition = (type: string, field = 'status') => `.status.conditions[?(@.type=="${type}")].${field}`;

const SOURCES: CrdSource[] = [
  {
    group: 'config.openshift.io',
    kind: 'Infrastructure',
    plural: 'infrastructures',
    scope: 'Cluster',
    schema: Infrastructure,
    description:
      'Infrastructure holds cluster-wide information about Infrastructure. The canonical name is `cluster`.',
    statusSubresource: true,
    annotations: { 'api-approved.openshift.io': 'https://github.com/openshift/api/pull/470' },
  },
  {
    group: 'config.openshift.io',
    kind: 'Proxy',
    plural: 'proxies',
    scope: 'Cluster',
    schema: Proxy,
    description:
      'Proxy holds cluster-wide information on how to configure default proxies for the cluster. The canonical name is `cluster`.',
    statusSubresource: true,
    annotations: { 'api-approved.openshift.io': 'https://github.com/openshift/api/pull/470' },
  },
  {
    group: 'config.openshift.io',
    kind: 'APIServer',
    plural: 'apiservers',
    scope: 'Cluster',
    schema: APIServer,
    description:
      "APIServer holds configuration (like serving certificates, client CA and CORS domains) shared by all API servers in the system, among them especially kube-apiserver and openshift-apiserver. The canonical name of an instance is 'cluster'.",
    statusSubresource: true,
    annotations: { 'api-approved.openshift.io': 'https://github.com/openshift/api/pull/470' },
  },
  {
    group: 'imageregistry.operator.openshift.io',
    kind: 'Config',
    plural: 'configs',
    scope: 'Cluster',
    schema: Config,
    description:
      'Config is the configuration object for a registry instance managed by the registry operator.',
    statusSubresource: true,
    annotations: { 'api-approved.openshift.io': 'https://github.com/openshift/api/pull/519' },
  },
  {
    group: 'imageregistry.operator.openshift.io',
    kind: 'ImagePruner',
    plural: 'imagepruners',
    scope: 'Cluster',
    schema: ImagePruner,
    description:
      'ImagePruner is the configuration object for an image registry pruner managed by the registry operator.',
    statusSubresource: true,
    annotations: { 'api-approved.openshift.io': 'https://github.com/openshift/api/pull/555' },
  },
  {
    group: 'config.openshift.io',
    kind: 'ClusterOperator',
    plural: 'clusteroperators',
    scope: 'Cluster',
    shortNames: ['co'],
    schema: ClusterOperator,
    description: 'ClusterOperator holds the status of a core or optional OpenShift component.',
    statusSubresource: true,
    annotations: { 'api-approved.openshift.io': 'https://github.com/openshift/api/pull/497' },
    printerColumns: [
      {
        name: 'Version',
        type: 'string',
        jsonPath: '.status.versions[?(@.name=="operator")].version',
        description: 'The version the operator is at.',
      },
      {
        name: 'Available',
        type: 'string',
        jsonPath: condition('Available'),
        description: 'Whether the operator is running and stable.',
      },
      {
        name: 'Progressing',
        type: 'string',
        jsonPath: condition('Progressing'),
        description: 'Whether the operator is processing changes.',
      },
      {
        name: 'Degraded',
        type: 'string',
        jsonPath: condition('Degraded'),
        description: 'Whether the operator is degraded.',
      },
      {
        name: 'Since',
        type: 'date',
        jsonPath: condition('Available', 'lastTransitionTime'),
        description: "The time the operator's Available status last changed.",
      },
    ],
  },
  {
    group: 'config.openshift.io',
    kind: 'Image',
    plural: 'images',
    scope: 'Cluster',
    schema: ImageConfig,
    description:
      'Image governs policies related to imagestream imports and runtime configuration for external registries.',
    statusSubresource: true,
    annotations: { 'api-approved.openshift.io': 'https://github.com/openshift/api/pull/470' },
  },
  {
    group: 'route.openshift.io',
    kind: 'Route',
    plural: 'routes',
    scope: 'Namespaced',
    schema: Route,
    description:
      'A route allows developers to expose services through an HTTP(S) aware load balancing and proxy layer via a public DNS entry.',
    statusSubresource: true,
    annotations: { 'api-approved.openshift.io': 'https://github.com/openshift/api/pull/1228' },
    printerColumns: [
      { name: 'Host', type: 'string', jsonPath: '.status.ingress[0].host' },
      {
        name: 'Admitted',
        type: 'string',
        jsonPath: '.status.ingress[0].conditions[?(@.type=="Admitted")].status',
      },
      { name: 'Service', type: 'string', jsonPath: '.spec.to.name' },
      { name: 'TLS', type: 'string', jsonPath: '.spec.tls.type' },
    ],
  },
  {
    group: 'console.openshift.io',
    kind: 'ConsolePlugin',
    plural: 'consoleplugins',
    scope: 'Cluster',
    schema: ConsolePlugin,
    description:
      'ConsolePlugin is an extension for customizing OpenShift web console by dynamically loading code from another service running on the cluster.',
    statusSubresource: false,
    annotations: { 'api-approved.openshift.io': 'https://github.com/openshift/api/pull/1186' },
  },
];

function buildCrd(src: CrdSource): CustomResourceDefinition {
  const singular = src.kind.toLowerCase();
  const names = {
    plural: src.plural,
    singular,
    kind: src.kind,
    listKind: `${src.kind}List`,
    ...(src.shortNames ? { shortNames: src.shortNames } : {}),
  };
  const version: Version = {
    name: 'v1',
    served: true,
    storage: true,
    schema: {
      openAPIV3Schema: { description: src.description, ...toOpenApiSchema(src.schema) } as Record<
        string,
        unknown
      >,
    },
    ...(src.statusSubresource ? { subresources: { status: {} } } : {}),
    ...(src.printerColumns ? { additionalPrinterColumns: src.printerColumns } : {}),
  };
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${src.plural}.${src.group}`, annotations: { ...src.annotations } },
    spec: { group: src.group, names, scope: src.scope, versions: [version] },
    status: {
      acceptedNames: names,
      conditions: [
        { type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found' },
        {
          type: 'Established',
          status: 'True',
          reason: 'InitialNamesAccepted',
          message: 'the initial names have been accepted',
        },
      ],
      storedVersions: ['v1'],
    },
  };
}

/** The CRDs of the OpenShift objects the sandbox serves, built from packages/shared's schemas. */
export function sandboxCrds(): CustomResourceDefinition[] {
  return SOURCES.map(buildCrd);
}
