/**
 * The string formats kube-apiserver validates in CRD schemas (apiextensions-apiserver
 * `supportedVersionedFormats`); any other format, such as int32, is stripped and not checked.
 */
import { isIP } from 'node:net';
import { isDateTime, isKubeDate, isKubeDuration } from '@irc/shared';

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const HOSTNAME =
  /^([a-zA-Z0-9\p{S}\p{L}]((-?[a-zA-Z0-9\p{S}\p{L}]{0,62})?)|([a-zA-Z0-9\p{S}\p{L}](([a-zA-Z0-9-\p{S}\p{L}]{0,61}[a-zA-Z0-9\p{S}\p{L}])?)(\.)){1,}([a-zA-Z\p{L}]){2,63})$/u;

function isCIDR(v: string): boolean {
  const [ip, bits, extra] = v.split('/');
  if (extra !== undefined || !ip || !bits || !/^\d+$/.test(bits)) return false;
  const family = isIP(ip);
  return family !== 0 && Number(bits) <= (family === 4 ? 32 : 128);
}

function isBase64(v: string): boolean {
  return v.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(v);
}

function isURI(v: string): boolean {
  if (v.startsWith('/')) return !/\s/.test(v);
  try {
    return new URL(v).protocol.length > 1;
  } catch {
    return false;
  }
}

const CHECKS: Record<string, (v: string) => boolean> = {
  bsonobjectid: (v) => /^[0-9a-f]{24}$/i.test(v),
  uri: isURI,
  email: (v) => /^[^\s@<>]+@[^\s@<>]+$/.test(v),
  hostname: (v) => v.length <= 255 && HOSTNAME.test(v),
  ipv4: (v) => isIP(v) !== 0 && v.includes('.'),
  ipv6: (v) => isIP(v) !== 0 && v.includes(':'),
  cidr: isCIDR,
  mac: (v) => /^([0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}$|^([0-9a-fA-F]{4}\.){2}[0-9a-fA-F]{4}$/.test(v),
  uuid: (v) => UUID.test(v),
  uuid3: (v) => /^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(v),
  uuid4: (v) => /^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i.test(v),
  uuid5: (v) => /^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i.test(v),
  isbn: (v) => /^(?:\d[- ]?){9}[\dX]$|^(?:\d[- ]?){13}$/.test(v),
  isbn10: (v) => /^(?:\d[- ]?){9}[\dX]$/.test(v),
  isbn13: (v) => /^(?:\d[- ]?){13}$/.test(v),
  creditcard: (v) => /^\d{12,19}$/.test(v.replace(/\D/g, '')),
  ssn: (v) => /^\d{3}[- ]?\d{2}[- ]?\d{4}$/.test(v),
  hexcolor: (v) => /^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(v),
  rgbcolor: (v) => /^rgb\(\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*\)$/.test(v),
  byte: isBase64,
  password: () => true,
  date: isKubeDate,
  duration: isKubeDuration,
  datetime: isDateTime,
};

/** The format kube keeps after stripping unsupported ones (go-openapi normalizes by dropping '-'). */
export function supportedFormat(format: string | undefined): string | undefined {
  if (!format) return undefined;
  const normalized = format.replaceAll('-', '');
  return normalized in CHECKS ? normalized : undefined;
}

export function checkFormat(normalizedFormat: string, value: string): boolean {
  return CHECKS[normalizedFormat]?.(value) ?? true;
}
