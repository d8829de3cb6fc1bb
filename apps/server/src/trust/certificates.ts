/**
 * PEM → X.509 facts with Node's `crypto.X509Certificate`. A value may hold several
 * certificates (a bundle); anything else that is PEM (a private key!) or not PEM at all is
 * refused, so the ConfigMap only ever receives certificates.
 */
import { X509Certificate } from 'node:crypto';
import type { TrustedCertificate } from '@irc/shared';

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

export class PemProblem extends Error {}

export interface ParsedBundle {
  certificates: TrustedCertificate[];
  /** The certificates re-encoded by Node (canonical PEM, no explanatory text). */
  pem: string;
}

/** Parse a bundle; throws {@link PemProblem} with a message for a person. */
export function parseBundle(text: string, now = new Date()): ParsedBundle {
  const blocks = [...text.matchAll(BLOCK)];
  const others = blocks.filter((b) => b[1] !== 'CERTIFICATE').map((b) => b[1]);
  if (others.length > 0) {
    throw new PemProblem(
      `only certificates are accepted, found a PEM "${others[0]}" block${others[0]?.includes('PRIVATE') ? ' (never upload a private key)' : ''}`,
    );
  }
  if (blocks.length === 0) {
    throw new PemProblem(
      text.includes('-----BEGIN')
        ? 'the PEM block is not terminated (missing -----END CERTIFICATE-----)'
        : 'not a PEM certificate: expected -----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----',
    );
  }
  const certs = blocks.map((b, i) => {
    try {
      return new X509Certificate(b[0]);
    } catch {
      throw new PemProblem(
        `certificate ${i + 1} of ${blocks.length} is not a valid X.509 certificate (bad base64 or DER)`,
      );
    }
  });
  return {
    certificates: certs.map((c) => describeCertificate(c, now)),
    pem: certs.map((c) => c.toString().trim()).join('\n') + '\n',
  };
}

export function describeCertificate(cert: X509Certificate, now = new Date()): TrustedCertificate {
  const validFrom = new Date(cert.validFrom);
  const validTo = new Date(cert.validTo);
  return {
    subject: oneLine(cert.subject),
    issuer: oneLine(cert.issuer),
    serialNumber: cert.serialNumber,
    validFrom: validFrom.toISOString(),
    validTo: validTo.toISOString(),
    fingerprintSha256: cert.fingerprint256,
    ca: cert.ca,
    selfSigned: cert.subject === cert.issuer && cert.verify(cert.publicKey),
    expired: validTo.getTime() < now.getTime(),
    notYetValid: validFrom.getTime() > now.getTime(),
  };
}

/** Warnings that do not block a write: the operator copies the value as is. */
export function certificateWarnings(certs: TrustedCertificate[]): string[] {
  const out: string[] = [];
  certs.forEach((c, i) => {
    const which = certs.length > 1 ? `certificate ${i + 1} (${c.subject})` : `the certificate (${c.subject})`;
    if (c.expired)
      out.push(`${which} expired on ${c.validTo}: pulls through this registry will fail TLS verification`);
    if (c.notYetValid) out.push(`${which} is not valid before ${c.validFrom}`);
    if (!c.ca)
      out.push(
        `${which} is not a CA certificate (basicConstraints CA:FALSE): trust the CA that issued the registry's certificate instead`,
      );
  });
  return out;
}

/** Node writes distinguished names one attribute per line. */
function oneLine(dn: string): string {
  return dn.split('\n').filter(Boolean).join(', ');
}
