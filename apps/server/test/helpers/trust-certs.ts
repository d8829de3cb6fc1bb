/** Real certificates for the trust tests, made with /usr/bin/openssl in a temporary folder. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCertificates {
  /** Self-signed CA (CA:TRUE), valid 30 days. */
  ca: string;
  /** Server certificate issued by `ca`, CA:FALSE. */
  leaf: string;
  /** Self-signed CA valid Jan 2020 only. */
  expired: string;
  /** A private key: PEM, but not a certificate. */
  key: string;
}

export function makeCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'irc-certs-'));
  const ssl = (...args: string[]) =>
    execFileSync('/usr/bin/openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    ssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.crt',
      '-days',
      '30',
      '-subj',
      '/CN=IRC Test CA/O=Image Registry Console',
    );
    ssl(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'leaf.key',
      '-out',
      'leaf.csr',
      '-subj',
      '/CN=registry.example.com',
    );
    writeFileSync(
      join(dir, 'leaf.ext'),
      'basicConstraints=CA:FALSE\nsubjectAltName=DNS:registry.example.com\n',
    );
    ssl(
      'x509',
      '-req',
      '-in',
      'leaf.csr',
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'leaf.crt',
      '-days',
      '30',
      '-extfile',
      'leaf.ext',
    );
    // `openssl x509` (3.0) cannot back-date: `openssl ca` takes explicit start and end dates.
    ssl(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'old.key',
      '-out',
      'old.csr',
      '-subj',
      '/CN=IRC Expired CA',
    );
    writeFileSync(join(dir, 'index.txt'), '');
    writeFileSync(join(dir, 'serial'), '01\n');
    writeFileSync(
      join(dir, 'ca.cnf'),
      '[ca]\ndefault_ca=d\n[d]\ndatabase=index.txt\nnew_certs_dir=.\nserial=serial\ndefault_md=sha256\npolicy=p\n[p]\ncommonName=supplied\n[v3]\nbasicConstraints=critical,CA:TRUE\n',
    );
    ssl(
      'ca',
      '-batch',
      '-config',
      'ca.cnf',
      '-selfsign',
      '-keyfile',
      'old.key',
      '-in',
      'old.csr',
      '-out',
      'old.crt',
      '-extensions',
      'v3',
      '-startdate',
      '20200101000000Z',
      '-enddate',
      '20200201000000Z',
      '-notext',
    );
    const read = (f: string) => readFileSync(join(dir, f), 'utf8');
    return { ca: read('ca.crt'), leaf: read('leaf.crt'), expired: read('old.crt'), key: read('leaf.key') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** SHA-256 fingerprint as openssl prints it (the oracle for the server's parse). */
export function opensslFingerprint(pem: string): string {
  const out = execFileSync('/usr/bin/openssl', ['x509', '-noout', '-fingerprint', '-sha256'], {
    input: pem,
  }).toString();
  return out.trim().replace(/^.*Fingerprint=/i, '');
}
