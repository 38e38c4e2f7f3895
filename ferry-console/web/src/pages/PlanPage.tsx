import {
  Breadcrumb, BreadcrumbItem, DescriptionList, DescriptionListDescription, DescriptionListGroup, DescriptionListTerm,
  Flex, FlexItem, PageSection, Title,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useResource } from '../api';
import { KubeObject, formatAge, health, migrationState, migrationType, migrationsOf, raised } from '../model';
import { Conditions, ErrorAlert, HealthLabel } from './common';
import { PlanActions } from './PlanActions';

export function PlanPage({ name }: { name: string }) {
  const plan = useResource<KubeObject>(`/api/plans/${encodeURIComponent(name)}`);
  const migrations = useResource<KubeObject[]>('/api/migrations');
  const p = plan.data;
  const ms = migrationsOf(name, migrations.data ?? []);
  const now = new Date();
  return (
    <PageSection>
      <Breadcrumb><BreadcrumbItem to="#/plans">Migration plans</BreadcrumbItem><BreadcrumbItem isActive>{name}</BreadcrumbItem></Breadcrumb>
      <Flex justifyContent={{ default: 'justifyContentSpaceBetween' }}>
        <FlexItem><Title headingLevel="h1">{name}</Title></FlexItem>
        <FlexItem>{p && <PlanActions plan={p} migrations={ms} onDone={() => { plan.reload(); migrations.reload(); }} />}</FlexItem>
      </Flex>
      <ErrorAlert error={plan.error} />
      {p && (
        <>
          <DescriptionList isHorizontal columnModifier={{ default: '2Col' }} style={{ marginTop: 16 }}>
            <DescriptionListGroup><DescriptionListTerm>Status</DescriptionListTerm>
              <DescriptionListDescription><HealthLabel health={health(p)} id="plan-status" /></DescriptionListDescription></DescriptionListGroup>
            <DescriptionListGroup><DescriptionListTerm>Clusters</DescriptionListTerm>
              <DescriptionListDescription>{p.spec?.srcMigClusterRef?.name} → {p.spec?.destMigClusterRef?.name}</DescriptionListDescription></DescriptionListGroup>
            <DescriptionListGroup><DescriptionListTerm>Repository</DescriptionListTerm>
              <DescriptionListDescription>{p.spec?.migStorageRef?.name}</DescriptionListDescription></DescriptionListGroup>
            <DescriptionListGroup><DescriptionListTerm>Namespaces</DescriptionListTerm>
              <DescriptionListDescription>{(p.spec?.namespaces ?? []).join(', ')}</DescriptionListDescription></DescriptionListGroup>
          </DescriptionList>
          <Title headingLevel="h2" style={{ marginTop: 24 }}>Conditions</Title>
          <Conditions items={raised(p)} id="plan-conditions" />
        </>
      )}
      <Title headingLevel="h2" style={{ marginTop: 24 }}>Migrations</Title>
      <Table aria-label="Migrations" id="migrations-table" variant="compact">
        <Thead><Tr><Th>Name</Th><Th>Type</Th><Th>Status</Th><Th>Started</Th></Tr></Thead>
        <Tbody>
          {ms.map((m) => (
            <Tr key={m.metadata.name} data-row={m.metadata.name}>
              <Td><a href={`#/migrations/${encodeURIComponent(m.metadata.name)}`}>{m.metadata.name}</a></Td>
              <Td>{migrationType(m)}</Td>
              <Td>{migrationState(m).label}</Td>
              <Td>{formatAge(m.metadata.creationTimestamp, now)} ago</Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </PageSection>
  );
}
