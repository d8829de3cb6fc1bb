/**
 * Whether a host bypasses the proxy, as Go's golang.org/x/net/http/httpproxy matches NO_PROXY
 * (what the registry and the operator use): `*`, exact hosts, domain suffixes (`.example.com` or
 * `example.com` both match subdomains), IPv4 addresses and CIDRs; a `:port` on an entry is
 * ignored here.
 */
function ipv4(host: string): number | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
  if (!m) return undefined;
  return m.slice(1).reduce((n, p) => n * 256 + Number(p), 0);
}

function inCidr(host: string, cidr: string): boolean | undefined {
  const m = /^(\d+\.\d+\.\d+\.\d+)\/(\d+)$/.exec(cidr);
  if (!m) return undefined;
  const ip = ipv4(host);
  const base = ipv4(m[1] ?? '');
  if (ip === undefined || base === undefined) return false;
  const bits = Number(m[2]);
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (ip & mask) >>> 0 === (base & mask) >>> 0;
}

export function matchesNoProxy(host: string, noProxy: string): boolean {
  const h = host.toLowerCase().replace(/:\d+$/, '');
  return noProxy
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean)
    .some((entry) => {
      if (entry === '*') return true;
      const cidr = inCidr(h, entry);
      if (cidr !== undefined) return cidr;
      const name = entry.replace(/:\d+$/, '');
      return name.startsWith('.')
        ? h.endsWith(name) || h === name.slice(1)
        : h === name || h.endsWith(`.${name}`);
    });
}
