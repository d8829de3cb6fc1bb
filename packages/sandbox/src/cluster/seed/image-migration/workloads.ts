import type { KubeObject } from '../../../core/types.js';
import type { Json } from '../../../core/objects.js';

/** Builders for the sample workloads: small, calm pod templates (one replica, no probes). */

export interface ContainerSpec {
  name: string;
  image: string;
}

export interface TemplateSpec {
  containers: ContainerSpec[];
  initContainers?: ContainerSpec[];
  restartPolicy?: 'Always' | 'OnFailure' | 'Never';
  nodeSelector?: Record<string, string>;
}

const container = (c: ContainerSpec): Json => ({
  name: c.name,
  image: c.image,
  resources: { requests: { cpu: '10m', memory: '32Mi' } },
});

export function podTemplate(labels: Record<string, string>, t: TemplateSpec): Json {
  const spec: Json = { containers: t.containers.map(container) };
  if (t.initContainers) spec.initContainers = t.initContainers.map(container);
  if (t.restartPolicy) spec.restartPolicy = t.restartPolicy;
  if (t.nodeSelector) spec.nodeSelector = t.nodeSelector;
  return { metadata: { labels }, spec };
}

function meta(ns: string, name: string, labels: Record<string, string>): KubeObject['metadata'] {
  return {
    name,
    namespace: ns,
    labels: { ...labels, 'app.kubernetes.io/part-of': 'image-migration-workshop' },
  };
}

export function deployment(ns: string, name: string, t: TemplateSpec): KubeObject {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(ns, name, labels),
    spec: { replicas: 1, selector: { matchLabels: labels }, template: podTemplate(labels, t) },
  };
}

export function statefulSet(ns: string, name: string, t: TemplateSpec): KubeObject {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: meta(ns, name, labels),
    spec: {
      replicas: 1,
      serviceName: name,
      selector: { matchLabels: labels },
      template: podTemplate(labels, t),
    },
  };
}

export function daemonSet(ns: string, name: string, t: TemplateSpec): KubeObject {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: meta(ns, name, labels),
    spec: { selector: { matchLabels: labels }, template: podTemplate(labels, t) },
  };
}

export function job(ns: string, name: string, t: TemplateSpec): KubeObject {
  const labels = { app: name };
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: meta(ns, name, labels),
    spec: { backoffLimit: 2, template: podTemplate(labels, { ...t, restartPolicy: 'Never' }) },
  };
}

export function cronJob(ns: string, name: string, schedule: string, t: TemplateSpec): KubeObject {
  const labels = { app: name };
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: meta(ns, name, labels),
    spec: {
      schedule,
      concurrencyPolicy: 'Forbid',
      jobTemplate: {
        spec: { backoffLimit: 2, template: podTemplate(labels, { ...t, restartPolicy: 'OnFailure' }) },
      },
    },
  };
}

export function deploymentConfig(
  ns: string,
  name: string,
  t: TemplateSpec,
  imageTrigger: { container: string; from: string },
): KubeObject {
  const labels = { app: name, deploymentconfig: name };
  return {
    apiVersion: 'apps.openshift.io/v1',
    kind: 'DeploymentConfig',
    metadata: meta(ns, name, { app: name }),
    spec: {
      replicas: 1,
      selector: labels,
      template: podTemplate(labels, t),
      triggers: [
        { type: 'ConfigChange' },
        {
          type: 'ImageChange',
          imageChangeParams: {
            automatic: true,
            containerNames: [imageTrigger.container],
            from: { kind: 'ImageStreamTag', name: imageTrigger.from },
          },
        },
      ],
    },
  };
}

export interface BuildSpec {
  strategy: Json;
  output: { kind: 'DockerImage' | 'ImageStreamTag'; name: string };
  git: string;
}

export function buildConfig(ns: string, name: string, b: BuildSpec): KubeObject {
  return {
    apiVersion: 'build.openshift.io/v1',
    kind: 'BuildConfig',
    metadata: meta(ns, name, { app: name }),
    spec: {
      source: { type: 'Git', git: { uri: b.git, ref: 'main' } },
      strategy: b.strategy,
      output: { to: b.output },
      triggers: [{ type: 'ConfigChange' }],
    },
  };
}
