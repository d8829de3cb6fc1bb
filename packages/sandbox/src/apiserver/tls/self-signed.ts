import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { bits, bool, explicit, implicit, integer, octets, oid, seq, set, time, utf8 } from './der.js';

export interface ServingCert {
  /** PEM certificate: the server's certificate and, self-signed, its own CA (kubeconfig certificate-authority-data). */
  cert: string;
  key: string;
}

const ECDSA_SHA256 = '1.2.840.10045.4.3.2';

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return critical ? seq(oid(id), bool(true), octets(value)) : seq(oid(id), octets(value));
}

function pem(label: string, der: Buffer): string {
  const b64 = der
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

/**
 * A fresh self-signed serving certificate for the loopback API server (P-256, valid one year,
 * SANs localhost + 127.0.0.1). kubectl only sends bearer tokens over TLS, so the sandbox serves
 * HTTPS and puts this certificate into the kubeconfig as the cluster's CA.
 */
export function selfSignedCert(commonName = 'sandbox-apiserver', now = new Date()): ServingCert {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const name = seq(set(seq(oid('2.5.4.3'), utf8(commonName))));
  const algorithm = seq(oid(ECDSA_SHA256));
  const notBefore = new Date(now.getTime() - 60 * 60 * 1000);
  const notAfter = new Date(now.getTime() + 365 * 24 * 60 * 60 * 1000);
  const san = seq(implicit(2, Buffer.from('localhost')), implicit(7, Buffer.from([127, 0, 0, 1])));
  const extensions = seq(
    extension('2.5.29.19', true, seq(bool(true))), // basicConstraints CA:TRUE (it is its own trust anchor)
    extension('2.5.29.15', true, bits(Buffer.from([0x84]), 2)), // keyUsage digitalSignature, keyCertSign
    extension('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1'))), // extKeyUsage serverAuth
    extension('2.5.29.17', false, san),
  );
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  const tbs = seq(
    explicit(0, integer(Buffer.from([2]))),
    integer(serial),
    algorithm,
    name,
    seq(time(notBefore), time(notAfter)),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, extensions),
  );
  const signature = sign('sha256', tbs, privateKey);
  const cert = seq(tbs, algorithm, bits(signature));
  return {
    cert: pem('CERTIFICATE', cert),
    key: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  };
}
