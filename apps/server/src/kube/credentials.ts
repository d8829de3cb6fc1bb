/**
 * The server's credentials as they are NOW. The files they come from change under a running
 * server: in a pod the kubelet rotates the projected service-account token (about hourly) and
 * the CA bundle; standalone, a restarted cluster (the sandbox) writes a new kubeconfig with a new
 * CA, new tokens and maybe a new address. Reading them once at start left the server unable to
 * reach the cluster until restarted.
 *
 * So the files are polled (stat: size, mtime, inode — the kubelet swaps a `..data` symlink, so
 * the resolved file changes even when its path does not) and on a change the kubeconfig is loaded
 * again and new connection agents are made with its CA and client certificate. Every client made
 * after that (per request, and each list/watch attempt of the watch hub) uses the new generation;
 * a watch still open on the old one keeps going until it breaks, and its retry connects with the
 * new credentials. The old agents are retired, not destroyed: requests in flight finish, their
 * sockets close instead of returning to the pool.
 *
 * A file caught mid-write (unparsable, or a key without its certificate) keeps the current
 * generation and is retried at the next poll.
 */
import { statSync } from 'node:fs';
import type { KubeConfig } from '@kubernetes/client-node';
import { createAgents, type Agents } from './agents.js';

export interface Generation {
  kc: KubeConfig;
  agents: Agents;
  /** 1 for the credentials read at start, +1 per reload. */
  number: number;
}

export interface ReloadSource {
  /** Loads the kubeconfig again from where it came from (throws while a file is incomplete). */
  load(): KubeConfig;
  /** The files `load` reads for this config: watched for changes. */
  files(kc: KubeConfig): string[];
}

export interface CredentialsLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export const CREDENTIAL_POLL_MS = 2000;

export class ServerCredentials {
  private generation: Generation;
  private signature: string;
  /** Files as they were when loading them last failed: not tried (nor reported) again until they change. */
  private failed: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private reloading = false;

  private constructor(
    first: Generation,
    private readonly source: ReloadSource | undefined,
    private readonly log: CredentialsLog | undefined,
  ) {
    this.generation = first;
    this.signature = source ? fileSignature(source.files(first.kc)) : '';
  }

  /** `source` absent: the credentials are fixed (a KubeConfig built in memory). */
  static async start(
    kc: KubeConfig,
    opts: { source?: ReloadSource; pollMs?: number; log?: CredentialsLog } = {},
  ): Promise<ServerCredentials> {
    const creds = new ServerCredentials(
      { kc, agents: await createAgents(kc), number: 1 },
      opts.source,
      opts.log,
    );
    if (opts.source) {
      creds.timer = setInterval(() => void creds.check(), opts.pollMs ?? CREDENTIAL_POLL_MS);
      creds.timer.unref();
    }
    return creds;
  }

  get current(): Generation {
    return this.generation;
  }

  /** Reloads when a watched file changed since the last (successful) load. */
  async check(): Promise<void> {
    if (!this.source || this.reloading) return;
    const signature = fileSignature(this.source.files(this.generation.kc));
    if (signature === this.signature || signature === this.failed) return;
    this.reloading = true;
    try {
      const kc = this.source.load();
      const next: Generation = { kc, agents: await createAgents(kc), number: this.generation.number + 1 };
      const previous = this.generation;
      this.generation = next;
      // What the NEW config reads (a kubeconfig may now point at other CA or token files).
      this.signature = fileSignature(this.source.files(kc));
      this.failed = undefined;
      previous.agents.retire();
      this.log?.info(
        { generation: next.number, server: kc.getCurrentCluster()?.server },
        'cluster credentials changed: reloaded',
      );
    } catch (err) {
      // Mid-rotation or broken: keep the current credentials, try again when the files change.
      this.failed = signature;
      this.log?.warn(
        { err: err instanceof Error ? err.message : String(err) },
        'cluster credentials changed but could not be loaded yet',
      );
    } finally {
      this.reloading = false;
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.generation.agents.destroy();
  }
}

/** size + mtime + inode of each file (following symlinks); a missing file counts as a state too. */
function fileSignature(files: string[]): string {
  return files
    .map((f) => {
      try {
        const s = statSync(f);
        return `${f}:${s.size}:${s.mtimeMs}:${s.ino}`;
      } catch {
        return `${f}:missing`;
      }
    })
    .join('|');
}
