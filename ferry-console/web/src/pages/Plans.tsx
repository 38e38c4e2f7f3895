import { Button, PageSection, Title, Toolbar, ToolbarContent, ToolbarItem } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useResource } from '../api';
import { KubeObject, health, migrationState, migrationType, migrationsOf } from '../model';
import { ErrorAlert, HealthLabel } from './common';
import { PlanActions } from './PlanActions';
import { navigate } from '../App';

export function PlansPage() {
  const plans = useResource<KubeObject[]>('/api/plans');
  const migrations = useResource<KubeObject[]>('/api/migrations');
  return (
    <PageSection>
      <Title headingLevel="h1">Migration plans</Title>
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem><Button id="create-plan" onClick={() => navigate('plans/new')}>Create migration plan</Button></ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      <ErrorAlert error={plans.error ?? migrations.error} />
      <Table aria-label="Migration plans" id="plans-table">
        <Thead>
          <Tr><Th>Name</Th><Th>Source → destination</Th><Th>Repository</Th><Th>Namespaces</Th><Th>Status</Th>
            <Th>Last migration</Th><Th screenReaderText="Actions" /></Tr>
        </Thead>
        <Tbody>
          {(plans.data ?? []).map((p) => {
            const ms = migrationsOf(p.metadata.name, migrations.data ?? []);
            const last = ms[0];
            return (
              <Tr key={p.metadata.name} data-row={p.metadata.name}>
                <Td><a href={`#/plans/${encodeURIComponent(p.metadata.name)}`} id={`plan-link-${p.metadata.name}`}>{p.metadata.name}</a></Td>
                <Td>{p.spec?.srcMigClusterRef?.name} → {p.spec?.destMigClusterRef?.name}</Td>
                <Td>{p.spec?.migStorageRef?.name}</Td>
                <Td>{(p.spec?.namespaces ?? []).join(', ')}</Td>
                <Td><HealthLabel health={health(p)} id={`plan-status-${p.metadata.name}`} /></Td>
                <Td id={`plan-last-${p.metadata.name}`}>
                  {last ? <a href={`#/migrations/${encodeURIComponent(last.metadata.name)}`}>
                    {migrationType(last)}: {migrationState(last).label}</a> : 'none'}
                </Td>
                <Td isActionCell><PlanActions plan={p} migrations={ms} onDone={() => { plans.reload(); migrations.reload(); }} /></Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
    </PageSection>
  );
}
