import { MIGRATION_KINDS, type MigrationKind, type MigrationOptions, namespaceProblem } from '@irc/shared';
import { Alert, Button, Checkbox, Flex, FlexItem, FormGroup, Label, TextInput } from '@patternfly/react-core';
import { useId, useState } from 'react';
import { useT } from '../platform/i18n.js';
import { FieldHelp } from '../ui/formParts.js';

interface NamespaceProps {
  options: MigrationOptions | undefined;
  selected: string[];
  onChange(next: string[]): void;
  error: string | undefined;
  disabled: boolean;
}

/** Namespaces as checkboxes (filterable); typed names when the caller may not list namespaces. */
export function NamespaceField({ options, selected, onChange, error, disabled }: NamespaceProps) {
  const t = useT();
  const ids = useId();
  const [filter, setFilter] = useState('');
  const [typed, setTyped] = useState('');
  const listed = options?.namespaces ?? [];
  const names = [...new Set([...listed.map((n) => n.name), ...selected])];
  const shown = names.filter((n) => n.includes(filter.trim()));
  const samples = listed.filter((n) => n.sample).map((n) => n.name);
  const toggle = (name: string, on: boolean) =>
    onChange(on ? [...selected, name] : selected.filter((n) => n !== name));
  const typedProblem = typed.trim() ? namespaceProblem(typed.trim()) : undefined;

  return (
    <FormGroup label={t('Namespaces')} isRequired role="group" fieldId={`${ids}-filter`}>
      {options && !options.namespacesListed ? (
        <Alert variant="info" isInline isPlain title={t('You may not list namespaces: type their names.')}>
          {options.namespacesMessage}
        </Alert>
      ) : null}
      <Flex className="irc-gap-top">
        <FlexItem>
          <TextInput
            id={`${ids}-filter`}
            aria-label={t('Filter namespaces')}
            placeholder={t('Filter namespaces')}
            value={filter}
            onChange={(_e, v) => setFilter(v)}
            type="search"
          />
        </FlexItem>
        {samples.length > 0 ? (
          <FlexItem>
            <Button
              variant="secondary"
              isDisabled={disabled}
              onClick={() => onChange([...new Set([...selected, ...samples])])}
            >
              {t('Select the sample namespaces')}
            </Button>
          </FlexItem>
        ) : null}
        {selected.length > 0 ? (
          <FlexItem>
            <Button variant="link" isDisabled={disabled} onClick={() => onChange([])}>
              {t('Clear')}
            </Button>
          </FlexItem>
        ) : null}
      </Flex>
      <div
        className="irc-gap-top"
        style={{ maxHeight: '14rem', overflowY: 'auto' }}
        data-test="namespace-list"
      >
        {shown.map((name) => {
          const sample = listed.find((n) => n.name === name)?.sample;
          return (
            <Checkbox
              key={name}
              id={`${ids}-ns-${name}`}
              label={
                <>
                  {name}{' '}
                  {sample ? (
                    <Label isCompact color="blue">
                      {t('sample: {{name}}', { name: sample })}
                    </Label>
                  ) : null}
                </>
              }
              isChecked={selected.includes(name)}
              isDisabled={disabled}
              onChange={(_e, on) => toggle(name, on)}
            />
          );
        })}
        {shown.length === 0 ? <p className="irc-subtle">{t('No namespace matches.')}</p> : null}
      </div>
      <Flex className="irc-gap-top">
        <FlexItem>
          <TextInput
            aria-label={t('Namespace name to add')}
            placeholder={t('Add a namespace by name')}
            value={typed}
            isDisabled={disabled}
            validated={typedProblem ? 'error' : 'default'}
            onChange={(_e, v) => setTyped(v)}
          />
        </FlexItem>
        <FlexItem>
          <Button
            variant="secondary"
            isDisabled={disabled || !typed.trim() || !!typedProblem}
            onClick={() => {
              onChange([...new Set([...selected, typed.trim()])]);
              setTyped('');
            }}
          >
            {t('Add namespace')}
          </Button>
        </FlexItem>
      </Flex>
      <FieldHelp
        error={typedProblem ?? error}
        hint={t('{{count}} selected. Only these namespaces are read or changed.', { count: selected.length })}
      />
    </FormGroup>
  );
}

interface KindProps {
  options: MigrationOptions | undefined;
  selected: MigrationKind[];
  onChange(next: MigrationKind[]): void;
  disabled: boolean;
}

/** The kinds to migrate; kinds the cluster does not serve are shown, unticked and disabled. */
export function KindsField({ options, selected, onChange, disabled }: KindProps) {
  const t = useT();
  const ids = useId();
  const labels: Record<MigrationKind, string> = {
    imagestreams: t('Image streams'),
    deployments: t('Deployments'),
    deploymentconfigs: t('Deployment configs'),
    statefulsets: t('Stateful sets'),
    daemonsets: t('Daemon sets'),
    jobs: t('Jobs'),
    cronjobs: t('Cron jobs'),
    buildconfigs: t('Build configs'),
    secrets: t('Pull secrets'),
  };
  return (
    <FormGroup label={t('Kinds')} isRequired role="group" isInline fieldId={`${ids}-imagestreams`}>
      {(Object.keys(MIGRATION_KINDS) as MigrationKind[]).map((id) => {
        const served = options?.kinds.find((k) => k.id === id)?.served ?? true;
        return (
          <Checkbox
            key={id}
            id={`${ids}-${id}`}
            label={served ? labels[id] : t('{{kind}} (not served by this cluster)', { kind: labels[id] })}
            isChecked={served && selected.includes(id)}
            isDisabled={disabled || !served}
            onChange={(_e, on) => onChange(on ? [...selected, id] : selected.filter((k) => k !== id))}
          />
        );
      })}
    </FormGroup>
  );
}
