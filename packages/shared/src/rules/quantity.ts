/**
 * A Kubernetes resource quantity (`100m`, `2`, `7500m`, `256Mi`, `1Gi`, `1e3`) as a number of base
 * units (cores, bytes), for comparing requests with what a node has. 0 when it does not parse.
 */
const UNIT: Record<string, number> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
  Pi: 1024 ** 5,
};

export function quantityValue(q: unknown): number {
  const m = /^([0-9.]+(?:[eE][0-9]+)?)([a-zA-Z]*)$/.exec(String(q ?? '').trim());
  if (!m) return 0;
  const unit = UNIT[m[2] ?? ''];
  return unit === undefined ? 0 : Number(m[1]) * unit;
}
