import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { startTestSandbox, lateHandle } from '../cluster/harness.js';
import type { SandboxHandle, SandboxOptions } from '../../src/index.js';

export const KUBECTL = '/usr/bin/kubectl';
export const hasKubectl = existsSync(KUBECTL);

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs kubectl with the sandbox kubeconfig and a private cache/home, so runs never share discovery caches. */
export function kubectl(kubeconfig: string, home: string, args: string[], input?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      KUBECTL,
      ['--kubeconfig', kubeconfig, '--cache-dir', `${home}/cache`, ...args],
      { env: { PATH: process.env.PATH ?? '', HOME: home }, timeout: 20_000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** A successful command: exit 0 and nothing on stderr (no discovery/OpenAPI noise); its stdout. */
export async function kubectlOk(kubeconfig: string, home: string, args: string[]): Promise<string> {
  const r = await kubectl(kubeconfig, home, args);
  expect({ args, code: r.code, stderr: r.stderr }).toEqual({ args, code: 0, stderr: '' });
  return r.stdout;
}

export interface Background {
  child: ChildProcess;
  output(): string;
  waitFor(re: RegExp, timeoutMs?: number): Promise<string>;
  exited: Promise<number | null>;
}

/** A long-running kubectl (get -w, logs -f): its output so far and a way to wait for a line. */
export function kubectlBackground(kubeconfig: string, home: string, args: string[]): Background {
  const child = spawn(KUBECTL, ['--kubeconfig', kubeconfig, '--cache-dir', `${home}/cache`, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: home },
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return {
    child,
    output: () => out,
    exited,
    async waitFor(re, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (!re.test(out)) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${re} in:\n${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return out;
    },
  };
}

export interface KubectlSandbox {
  /** The sandbox (inside tests and hooks). */
  sb: SandboxHandle;
  /** kubectl against it, any exit code. */
  k(...args: string[]): Promise<Run>;
  /** The same with stdin. */
  kin(input: string, ...args: string[]): Promise<Run>;
  /** A command that must succeed quietly: its stdout. */
  ok(...args: string[]): Promise<string>;
  /** The kubeconfig the sandbox wrote and kubectl's private home (inside tests and hooks). */
  readonly kc: string;
  readonly dir: string;
}

/**
 * A sandbox with a kubeconfig in a fresh temporary home for the file or describe block: started
 * before the first test (not at all without kubectl), stopped and its home removed after the last.
 */
export function useKubectlSandbox(options: SandboxOptions = {}): KubectlSandbox {
  let sb: SandboxHandle | undefined;
  let dir = '';
  beforeAll(async () => {
    if (!hasKubectl) return;
    dir = mkdtempSync(join(tmpdir(), 'sandbox-kubectl-'));
    sb = await startTestSandbox({ kubeconfigPath: join(dir, 'kubeconfig'), ...options });
  });
  afterAll(async () => {
    await sb?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const kc = (): string => join(dir, 'kubeconfig');
  return {
    sb: lateHandle(() => sb),
    k: (...args) => kubectl(kc(), dir, args),
    kin: (input, ...args) => kubectl(kc(), dir, args, input),
    ok: (...args) => kubectlOk(kc(), dir, args),
    get kc() {
      return kc();
    },
    get dir() {
      return dir;
    },
  };
}
