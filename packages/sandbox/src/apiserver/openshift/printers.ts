import type { KubeObject } from '../../core/types.js';
import { NAME_COLUMN, arr, col, dig, num, str, type Printer } from '../tables/column.js';

/**
 * Table printers of the openshift kinds, as openshift-apiserver registers them
 * (pkg/{image,apps,build}/printers): `oc get is` shows NAME IMAGE REPOSITORY TAGS UPDATED.
 */

/** docker/go-units HumanDuration, which the openshift printers use for "Updated … ago". */
export function unitsHumanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(seconds / 60);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.floor(ms / 3_600_000 + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(ms / 3_600_000 / 24 / 365)} years`;
}

const versionRe = /^v?(\d+(?:\.\d+)*)(.*)$/;

/** imageapi.PrioritizeTags: "latest" first, then versions newest first, then the rest by name. */
export function prioritizeTags(tags: string[]): string[] {
  const rank = (t: string): number => (t === 'latest' ? 0 : versionRe.test(t) ? 1 : 2);
  const version = (t: string): number[] => (versionRe.exec(t)?.[1] ?? '').split('.').map(Number);
  return [...tags].sort((a, b) => {
    if (rank(a) !== rank(b)) return rank(a) - rank(b);
    if (rank(a) === 1) {
      const va = version(a);
      const vb = version(b);
      for (let i = 0; i < Math.max(va.length, vb.length); i++)
        if ((va[i] ?? 0) !== (vb[i] ?? 0)) return (vb[i] ?? 0) - (va[i] ?? 0);
    }
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

/** printTagsUpToWidth: as many tags as fit in `width`, with a 25% ragged-edge allowance, then "+ N more...". */
export function tagsUpToWidth(all: string[], width: number): string {
  let tags = prioritizeTags(all);
  let remaining = width;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i] ?? '';
    remaining -= tag.length + 1;
    if (remaining >= 0) continue;
    if (i === 0) {
      tags = tags.slice(0, 1);
      break;
    }
    const margin = Math.floor(width / 4);
    if (margin < remaining + tag.length && margin >= -remaining) continue;
    tags = tags.slice(0, i);
    break;
  }
  const hidden = all.length - tags.length;
  return hidden > 0 ? `${tags.join(',')} + ${hidden} more...` : tags.join(',');
}

export const imageStreamPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col(
      'Image Repository',
      'string',
      0,
      'DockerImageRepository represents the effective location this stream may be accessed at.',
    ),
    col('Tags', 'string', 0, 'Human readable list of tags.'),
    col('Updated', 'string', 0, 'Last update time.'),
  ],
  row: (o, now) => {
    const statusTags = arr(dig(o, 'status', 'tags'));
    let latest = 0;
    for (const list of statusTags) {
      const created = Date.parse(str(dig(arr(dig(list, 'items'))[0], 'created')));
      if (!Number.isNaN(created) && created > latest) latest = created;
    }
    const repo =
      str(dig(o, 'status', 'publicDockerImageRepository')) ||
      str(dig(o, 'spec', 'dockerImageRepository')) ||
      str(dig(o, 'status', 'dockerImageRepository'));
    return [
      o.metadata.name ?? '',
      repo,
      tagsUpToWidth(
        statusTags.map((t) => str(dig(t, 'tag'))),
        40,
      ),
      latest ? `${unitsHumanDuration(now.getTime() - latest)} ago` : '',
    ];
  },
};

/** The trigger summary: config, image(stream:tag), DockerImage(...). */
function triggeredBy(o: KubeObject): string {
  const containers = new Set(
    arr(dig(o, 'spec', 'template', 'spec', 'containers')).map((c) => str(dig(c, 'name'))),
  );
  const out = new Set<string>();
  for (const t of arr(dig(o, 'spec', 'triggers'))) {
    const type = str(dig(t, 'type'));
    if (type === 'ConfigChange') out.add('config');
    else if (type === 'ImageChange') {
      if (dig(t, 'imageChangeParams', 'automatic') !== true) continue;
      const names = arr(dig(t, 'imageChangeParams', 'containerNames')).map((n) => str(n));
      const prefix =
        containers.size !== 1 && !names.every((n) => containers.has(n))
          ? `${[...names].sort().join(',')}:`
          : '';
      const kind = str(dig(t, 'imageChangeParams', 'from', 'kind'));
      const name = str(dig(t, 'imageChangeParams', 'from', 'name'));
      out.add(kind === 'ImageStreamTag' ? `image(${prefix}${name})` : `${kind}(${prefix}${name})`);
    } else out.add(type);
  }
  return [...out].sort().join(',');
}

export const deploymentConfigPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col(
      'Revision',
      'string',
      0,
      'LatestVersion is used to determine whether the current deployment associated with a deployment config is out of sync.',
    ),
    col('Desired', 'string', 0, 'Replicas is the number of desired replicas.'),
    col(
      'Current',
      'string',
      0,
      'UpdatedReplicas is the total number of non-terminated pods targeted by this deployment config that have the desired template spec.',
    ),
    col(
      'Triggered By',
      'string',
      0,
      'Triggers determine how updates to a DeploymentConfig result in new deployments.',
    ),
  ],
  row: (o) => {
    const replicas = num(dig(o, 'spec', 'replicas'));
    return [
      o.metadata.name ?? '',
      num(dig(o, 'status', 'latestVersion')),
      dig(o, 'spec', 'test') === true ? `${replicas} (during test)` : String(replicas),
      num(dig(o, 'status', 'updatedReplicas')),
      triggeredBy(o),
    ];
  },
};

const STRATEGY_TYPES: Array<[string, string]> = [
  ['dockerStrategy', 'Docker'],
  ['sourceStrategy', 'Source'],
  ['customStrategy', 'Custom'],
  ['jenkinsPipelineStrategy', 'JenkinsPipeline'],
];

/** describeSourceShort: Git[@ref], Dockerfile, Binary, or the source types joined. */
function sourceShort(o: KubeObject): string {
  const source = dig(o, 'spec', 'source');
  const git = dig(source, 'git');
  const ref = str(dig(o, 'spec', 'revision', 'git', 'commit')) || str(dig(git, 'ref'));
  const rev = /^[a-fA-F0-9]{21,}$/.test(ref) ? ref.slice(0, 7) : ref;
  const withRev = (s: string): string => (rev ? `${s}@${rev}` : s);
  const dockerfile = typeof dig(source, 'dockerfile') === 'string';
  if (dig(source, 'binary')) return withRev('Binary');
  if (dockerfile && git) return withRev('Dockerfile,Git');
  if (dockerfile) return 'Dockerfile';
  if (git) return withRev('Git');
  return '';
}

export const buildConfigPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Type', 'string', 0, 'Describes a particular way of performing a build.'),
    col('From', 'string', 0, 'source describes the SCM in use.'),
    col('Latest', 'string', 0, 'lastVersion is used to inform about number of last triggered build.'),
  ],
  row: (o) => {
    const strategy = dig(o, 'spec', 'strategy');
    const type = STRATEGY_TYPES.find(([f]) => dig(strategy, f) !== undefined)?.[1] ?? '';
    const from = type === 'Custom' ? str(dig(strategy, 'customStrategy', 'from', 'name')) : sourceShort(o);
    return [o.metadata.name ?? '', type, from, num(dig(o, 'status', 'lastVersion'))];
  },
};
