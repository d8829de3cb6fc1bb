import { ApiError, forbidden, statusFailure } from '../../core/errors.js';
import type { ScenarioControl } from '../../core/types.js';
import type { RbacAuthorizer } from '../rbac/authorizer.js';
import { forbiddenMessage } from '../rbac/authorizer.js';
import { sendJson } from './respond.js';
import type { ExtraRoute } from './server.js';

const PREFIX = '/sandbox/v1/scenarios';

/**
 * The sandbox control endpoint (not part of the Kubernetes API): list/activate/clear fault
 * scenarios. Authorized like a non-resource URL, so only cluster-admin (admin) may use it.
 */
export function controlRoute(scenarios: () => ScenarioControl, authorizer: RbacAuthorizer): ExtraRoute {
  return async (req, res, url, user) => {
    const path = url.pathname.replace(/\/+$/, '');
    if (path !== PREFIX && !path.startsWith(`${PREFIX}/`)) return false;
    const method = req.method ?? 'GET';
    const verb =
      method === 'GET'
        ? 'get'
        : method === 'POST'
          ? 'create'
          : method === 'DELETE'
            ? 'delete'
            : method.toLowerCase();
    if (!authorizer.authorize({ user, verb, path }).allowed)
      throw forbidden('', '', undefined, `forbidden: ${forbiddenMessage({ user, verb, path })}`);
    const name = path === PREFIX ? undefined : decodeURIComponent(path.slice(PREFIX.length + 1));
    const control = scenarios();
    if (method === 'GET' && !name) {
      sendJson(res, 200, { kind: 'ScenarioList', items: control.list() });
    } else if (method === 'POST' && name) {
      await control.activate(name);
      sendJson(res, 200, {
        kind: 'Scenario',
        ...(control.list().find((s) => s.name === name) ?? { name, active: true }),
      });
    } else if (method === 'DELETE') {
      await control.clear(name);
      sendJson(res, 200, { kind: 'ScenarioList', items: control.list() });
    } else
      throw new ApiError(
        statusFailure(
          405,
          'MethodNotAllowed',
          'the server does not allow this method on the requested resource',
        ),
      );
    return true;
  };
}
