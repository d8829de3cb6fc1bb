import type { KubeObject } from '../../../core/types.js';
import { importedImage } from '../../image-import.js';
import type { Json } from '../../../core/objects.js';

/**
 * Sample image streams as a cluster upgraded from 3.x has them: spec tags tracking pull specs,
 * and the history the image importer recorded in status (pull specs by digest, on the host the
 * image was imported from).
 */

export type SampleTag = { name: string; dockerImage: string } | { name: string; imageStreamTag: string };

export function imageStream(
  ns: string,
  name: string,
  tags: SampleTag[],
  dockerImageRepository?: string,
): KubeObject {
  const spec: Json = {
    lookupPolicy: { local: false },
    tags: tags.map((t) => ({
      name: t.name,
      from:
        'dockerImage' in t
          ? { kind: 'DockerImage', name: t.dockerImage }
          : { kind: 'ImageStreamTag', name: t.imageStreamTag },
      importPolicy: {},
      referencePolicy: { type: 'Source' },
    })),
  };
  if (dockerImageRepository) spec.dockerImageRepository = dockerImageRepository;
  return {
    apiVersion: 'image.openshift.io/v1',
    kind: 'ImageStream',
    metadata: {
      name,
      namespace: ns,
      labels: { app: name, 'app.kubernetes.io/part-of': 'image-migration-workshop' },
    },
    spec,
  };
}

/**
 * The imported history: one event per tag, created `ageDays` ago. An ImageStreamTag tag carries
 * the event of the tag it follows (the API server resolves those when the tag is set).
 */
export function importedStatus(stream: KubeObject, now: Date, ageDays: number): Json {
  const tags = (stream.spec as { tags: Array<{ name: string; from: { kind: string; name: string } }> }).tags;
  const created = new Date(now.getTime() - ageDays * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const eventOf = (tagName: string, depth = 0): Json | undefined => {
    const tag = tags.find((t) => t.name === tagName);
    if (!tag || depth > tags.length) return undefined;
    if (tag.from.kind === 'DockerImage') return { created, ...importedImage(tag.from.name), generation: 1 };
    return eventOf(tag.from.name.split(':')[1] ?? '', depth + 1);
  };
  return {
    tags: tags.flatMap((t) => {
      const event = eventOf(t.name);
      return event ? [{ tag: t.name, items: [event] }] : [];
    }),
  };
}
