import type { KubeObject } from '../core/types.js';
import { R } from '../core/refs.js';
import { num, rec, tryGet } from '../core/objects.js';
import type { CondSpec } from './conditions.js';
import type { OperatorEnv } from './context.js';
import { applyObject } from './apply.js';
import { CERTS_CONFIGMAP, IMAGES, NODE_CA, NS } from './defaults.js';

const SCRIPT = `trap 'jobs -p | xargs -r kill; echo shutting down node-ca; exit 0' TERM
while [ true ];
do
  for f in $(ls /tmp/serviceca); do
      echo $f
      ca_file_path="/tmp/serviceca/\${f}"
      f=$(echo $f | sed  -r 's/(.*)\\.\\./\\1:/')
      reg_dir_path="/etc/docker/certs.d/\${f}"
      if [ -e "\${reg_dir_path}" ]; then
          cp -u $ca_file_path $reg_dir_path/ca.crt
      else
          mkdir $reg_dir_path
          cp $ca_file_path $reg_dir_path/ca.crt
      fi
  done
  for d in $(ls /etc/docker/certs.d); do
      echo $d
      dp=$(echo $d | sed  -r 's/(.*):/\\1\\.\\./')
      reg_conf_path="/tmp/serviceca/\${dp}"
      if [ ! -e "\${reg_conf_path}" ]; then
          rm -rf /etc/docker/certs.d/$d
      fi
  done
  sleep 60 & wait \${!}
done`;

/** The node-ca DaemonSet (op:pkg/resource/nodecadaemon.go): copies registry CAs onto every node. */
export function nodeCADaemonSet(): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: NODE_CA, namespace: NS, labels: { name: NODE_CA } },
    spec: {
      selector: { matchLabels: { name: NODE_CA } },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '10%' } },
      template: {
        metadata: {
          labels: { name: NODE_CA },
          annotations: {
            'target.workload.openshift.io/management': '{"effect": "PreferredDuringScheduling"}',
          },
        },
        spec: {
          serviceAccountName: NODE_CA,
          priorityClassName: 'system-cluster-critical',
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          tolerations: [{ operator: 'Exists' }],
          hostNetwork: true,
          containers: [
            {
              name: NODE_CA,
              image: IMAGES.registry,
              command: ['/bin/sh', '-c', SCRIPT],
              resources: { requests: { cpu: '10m', memory: '10Mi' } },
              securityContext: { privileged: true, runAsUser: 1001, runAsGroup: 0 },
              terminationMessagePolicy: 'FallbackToLogsOnError',
              volumeMounts: [
                { name: 'serviceca', mountPath: '/tmp/serviceca' },
                { name: 'host', mountPath: '/etc/docker/certs.d' },
              ],
            },
          ],
          volumes: [
            { name: 'host', hostPath: { path: '/etc/docker/certs.d' } },
            { name: 'serviceca', configMap: { name: CERTS_CONFIGMAP } },
          ],
        },
      },
    },
  };
}

/** NodeCADaemonController: applies the DaemonSet and reports its three conditions. */
export function syncNodeCA(env: OperatorEnv): CondSpec[] {
  let degraded: CondSpec = {
    type: 'NodeCADaemonControllerDegraded',
    status: 'False',
    reason: 'AsExpected',
    message: '',
  };
  try {
    applyObject(env, R.daemonSets, nodeCADaemonSet());
  } catch (e) {
    degraded = {
      type: 'NodeCADaemonControllerDegraded',
      status: 'True',
      reason: 'Error',
      message: e instanceof Error ? e.message : String(e),
    };
  }
  const ds = tryGet(env.api, R.daemonSets, NS, NODE_CA);
  return [...nodeCAStatus(ds), degraded];
}

export function nodeCAStatus(ds: KubeObject | undefined): CondSpec[] {
  if (!ds) {
    return [
      {
        type: 'NodeCADaemonAvailable',
        status: 'False',
        reason: 'NotFound',
        message: 'The daemon set node-ca does not exist',
      },
      {
        type: 'NodeCADaemonProgressing',
        status: 'True',
        reason: 'NotFound',
        message: 'The daemon set node-ca does not exist',
      },
    ];
  }
  const s = rec(ds, 'status');
  const available = num(s.numberAvailable) ?? 0;
  const desired = num(s.desiredNumberScheduled) ?? 0;
  const updated = num(s.updatedNumberScheduled) ?? 0;
  const observed = (num(s.observedGeneration) ?? 0) >= (ds.metadata.generation ?? 1);
  return [
    available > 0
      ? {
          type: 'NodeCADaemonAvailable',
          status: 'True',
          reason: 'AsExpected',
          message: 'The daemon set node-ca has available replicas',
        }
      : {
          type: 'NodeCADaemonAvailable',
          status: 'False',
          reason: 'NoAvailableReplicas',
          message: 'The daemon set node-ca does not have available replicas',
        },
    observed && updated === desired && available === desired && desired > 0
      ? {
          type: 'NodeCADaemonProgressing',
          status: 'False',
          reason: 'AsExpected',
          message: 'The daemon set node-ca is deployed',
        }
      : {
          type: 'NodeCADaemonProgressing',
          status: 'True',
          reason: 'Progressing',
          message: 'The daemon set node-ca is updating node pods',
        },
  ];
}
