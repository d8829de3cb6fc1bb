import { useMemo } from 'react';
import { diffLines, foldUnchanged, toYaml } from './diff.js';
import { useT } from '../../platform/i18n.js';

/** A unified YAML diff of two values; removed/added lines carry a sign as well as a colour. */
export function DiffView({
  before,
  after,
  label,
  dataTest,
}: {
  before: unknown;
  after: unknown;
  label: string;
  dataTest?: string;
}) {
  const t = useT();
  const lines = useMemo(() => foldUnchanged(diffLines(toYaml(before), toYaml(after))), [before, after]);
  return (
    <div className="irc-diff" role="region" aria-label={label} data-test={dataTest} tabIndex={0}>
      {lines.map((line, index) =>
        line.op === 'fold' ? (
          <div key={index} className="irc-diff__fold">
            {t('… {{count}} unchanged lines …', { count: line.count })}
          </div>
        ) : (
          <div key={index} className={`irc-diff__line irc-diff__line--${line.op}`}>
            <span
              className="irc-diff__sign"
              aria-label={line.op === 'add' ? t('added') : line.op === 'remove' ? t('removed') : undefined}
            >
              {line.op === 'add' ? '+' : line.op === 'remove' ? '-' : ' '}
            </span>
            {line.text}
          </div>
        ),
      )}
    </div>
  );
}
