/**
 * The `oc` commands equivalent to a migration request. oc takes one `-n`, so one line per
 * namespace; mappings with a `*` are quoted so the shell does not glob them. `--confirm` turns
 * oc's default dry run into the real thing.
 */
import { MIGRATION_KIND_IDS, type MigrationRequest } from '@irc/shared';

function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./:=@-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export function ocCommands(request: MigrationRequest, confirm: boolean): string[] {
  const mappings = request.mappings.map((m) => shellQuote(m.trim())).join(' ');
  // Same order whatever order the kinds were ticked in: the commands compare equal.
  const include = MIGRATION_KIND_IDS.filter((k) => request.kinds.includes(k)).join(',');
  return request.namespaces.map(
    (ns) =>
      `oc adm migrate image-references ${mappings} --include=${include} -n ${ns}${confirm ? ' --confirm' : ''}`,
  );
}
