import type { FieldError } from '../api/common.js';
import { RegistryNames } from '../registry/names.js';
import type { SpecLike } from './spec.js';

/** DNS-1123 subdomain, as Route names must be. */
const ROUTE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * Route names must be unique and must not be `default-route` (the operator's own route for
 * `defaultRoute: true`); the operator answers VerificationFailed "duplication of names has been
 * detected in the additional routes" otherwise.
 */
export function checkRoutes(spec: SpecLike): FieldError[] {
  const routes = spec.routes ?? [];
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  routes.forEach((route, i) => {
    const path = `spec.routes[${i}].name`;
    const name = route.name ?? '';
    if (name === '') errors.push({ path, message: 'a route needs a name' });
    else if (name.length > 253 || !ROUTE_NAME.test(name)) {
      errors.push({ path, message: 'must be lower-case letters, digits, "-" and "." (a DNS subdomain)' });
    } else if (name === RegistryNames.defaultRouteName) {
      errors.push({
        path,
        message: `"${name}" is reserved for the default route (use defaultRoute instead)`,
      });
    } else if (seen.has(name)) {
      errors.push({ path, message: `duplicate route name "${name}" (also routes[${seen.get(name)}])` });
    }
    if (!seen.has(name)) seen.set(name, i);
  });
  return errors;
}
