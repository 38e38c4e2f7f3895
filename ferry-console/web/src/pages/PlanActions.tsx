import { useState } from 'react';
import { Dropdown, DropdownItem, DropdownList, MenuToggle } from '@patternfly/react-core';
import { api } from '../api';
import { KubeObject, planActions } from '../model';
import { Confirm } from './common';
import { navigate } from '../App';

type Action = 'stage' | 'cutover' | 'rollback' | 'delete';

/** A plan's menu: Stage, Cutover (halt transactions = quiesce), Rollback, Edit, Delete — each (but Edit) confirmed first. */
export function PlanActions({ plan, migrations, onDone }: { plan: KubeObject; migrations: KubeObject[]; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [action, setAction] = useState<Action>();
  const name = plan.metadata.name;
  const can = planActions(plan, migrations);
  const run = (type: string, quiescePods: boolean) =>
    api.post<KubeObject>(`/api/plans/${encodeURIComponent(name)}/migrations`, { type, quiescePods })
      .then((m) => { onDone(); navigate(`migrations/${encodeURIComponent(m.metadata.name)}`); });
  return (
    <>
      <Dropdown isOpen={open} onOpenChange={setOpen} popperProps={{ position: 'right' }}
        toggle={(ref) => (
          <MenuToggle ref={ref} id={`plan-actions-${name}`} onClick={() => setOpen(!open)} isExpanded={open}>
            Actions
          </MenuToggle>
        )}>
        <DropdownList>
          <DropdownItem id="action-stage" isDisabled={!can.stage} description={can.stage ? undefined : can.why}
            onClick={() => { setOpen(false); setAction('stage'); }}>Stage</DropdownItem>
          <DropdownItem id="action-cutover" isDisabled={!can.cutover} description={can.cutover ? undefined : can.why}
            onClick={() => { setOpen(false); setAction('cutover'); }}>Cutover</DropdownItem>
          <DropdownItem id="action-rollback" isDisabled={!can.rollback}
            onClick={() => { setOpen(false); setAction('rollback'); }}>Rollback</DropdownItem>
          <DropdownItem id="action-logs" onClick={() => { setOpen(false); navigate(`plans/${encodeURIComponent(name)}/logs`); }}>View logs</DropdownItem>
          <DropdownItem id="action-edit" onClick={() => { setOpen(false); navigate(`plans/${encodeURIComponent(name)}/edit`); }}>Edit</DropdownItem>
          <DropdownItem id="action-delete" isDanger onClick={() => { setOpen(false); setAction('delete'); }}>Delete</DropdownItem>
        </DropdownList>
      </Dropdown>
      {action === 'stage' && (
        <Confirm title={`Stage migration of ${name}`} confirmLabel="Stage" onClose={() => setAction(undefined)}
          body="Copies the persistent volume data (and images) to the destination while the application keeps running. A stage may be repeated; each one shortens the cutover."
          onConfirm={() => run('stage', false)} />
      )}
      {action === 'cutover' && (
        <Confirm title={`Cutover migration of ${name}`} confirmLabel="Migrate" onClose={() => setAction(undefined)}
          body="Moves the application's resources and data to the destination cluster."
          check={{ label: 'Halt transactions on the source cluster during migration (quiesce the application)', initial: true }}
          onConfirm={(quiesce) => run('cutover', quiesce)} />
      )}
      {action === 'rollback' && (
        <Confirm title={`Rollback migration of ${name}`} confirmLabel="Rollback" danger onClose={() => setAction(undefined)}
          body="Deletes what this plan migrated from the destination and restores the source application's replicas."
          onConfirm={() => run('rollback', false)} />
      )}
      {action === 'delete' && (
        <Confirm title={`Delete migration plan ${name}?`} confirmLabel="Delete" danger onClose={() => setAction(undefined)}
          body="Deletes the MigPlan and its migrations. Migrated applications stay where they are."
          onConfirm={() => api.del(`/api/plans/${encodeURIComponent(name)}`).then(() => { onDone(); navigate('plans'); })} />
      )}
    </>
  );
}
