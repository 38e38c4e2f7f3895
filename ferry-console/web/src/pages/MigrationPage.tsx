import { useState } from 'react';
import {
  Alert, Breadcrumb, BreadcrumbItem, ClipboardCopy, CodeBlock, CodeBlockCode, Dropdown, DropdownItem, DropdownList,
  Label, MenuToggle, Modal, ModalBody, ModalHeader, PageSection, Progress, Tab, Tabs, TabTitleText, Title,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { api, copyText, useResource } from '../api';
import {
  KubeObject, Step, TreeNode, flatten, migrationState, migrationType, pipelineProgress, raised, stepState,
} from '../model';
import { Conditions, ErrorAlert } from './common';
import { LogsView } from './Logs';

const STEP_COLORS: Record<string, any> = { done: 'green', running: 'blue', failed: 'red', waiting: 'grey', skipped: 'grey' };

export function MigrationPage({ name }: { name: string }) {
  const migration = useResource<KubeObject>(`/api/migrations/${encodeURIComponent(name)}`);
  const [tab, setTab] = useState<string | number>('details');
  const m = migration.data;
  const steps: Step[] = m?.status?.pipeline ?? [];
  const state = m ? migrationState(m) : undefined;
  const plan = m?.spec?.migPlanRef?.name;
  return (
    <PageSection>
      <Breadcrumb>
        <BreadcrumbItem to="#/plans">Migration plans</BreadcrumbItem>
        {plan && <BreadcrumbItem to={`#/plans/${encodeURIComponent(plan)}`}>{plan}</BreadcrumbItem>}
        <BreadcrumbItem isActive>{name}</BreadcrumbItem>
      </Breadcrumb>
      <Title headingLevel="h1">{m ? migrationType(m) : 'Migration'} {name}</Title>
      <ErrorAlert error={migration.error} />
      {state && (
        <Alert isInline id="migration-state" data-state={state.label} data-done={state.done}
          variant={state.failed ? 'danger' : state.done ? 'success' : 'info'} title={state.label} style={{ marginTop: 8 }} />
      )}
      <Tabs activeKey={tab} onSelect={(_e, k) => setTab(k)} style={{ marginTop: 16 }}>
        <Tab eventKey="details" id="tab-details" title={<TabTitleText>Migration details</TabTitleText>}>
          <Progress value={pipelineProgress(steps)} title="Pipeline" id="pipeline-progress" style={{ margin: '16px 0' }} />
          <Table aria-label="Pipeline" id="pipeline-table" variant="compact">
            <Thead><Tr><Th>Step</Th><Th>State</Th><Th>Progress</Th><Th>Started</Th><Th>Completed</Th></Tr></Thead>
            <Tbody>
              {steps.map((s) => {
                const st = stepState(s);
                const extra = [s.message, ...(s.progress ?? []), (s as any).rate && `rate ${(s as any).rate}`,
                  (s as any).eta && `ETA ${(s as any).eta}`].filter(Boolean);
                return (
                  <Tr key={s.name} data-step={s.name} data-state={st}>
                    <Td>{s.name}</Td>
                    <Td><Label color={STEP_COLORS[st]}>{st}</Label></Td>
                    <Td>{extra.map((x, i) => <div key={i}>{x}</div>)}</Td>
                    <Td>{s.started}</Td>
                    <Td>{s.completed}</Td>
                  </Tr>
                );
              })}
            </Tbody>
          </Table>
          <Title headingLevel="h2" style={{ marginTop: 24 }}>Conditions</Title>
          {m && <Conditions items={raised(m)} id="migration-conditions" />}
        </Tab>
        <Tab eventKey="resources" id="tab-resources" title={<TabTitleText>Migration resources</TabTitleText>}>
          {tab === 'resources' && <ResourceTreeView name={name} />}
        </Tab>
        <Tab eventKey="logs" id="tab-logs" title={<TabTitleText>Logs</TabTitleText>}>
          {tab === 'logs' && <LogsView name={name} />}
        </Tab>
      </Tabs>
    </PageSection>
  );
}

function ResourceTreeView({ name }: { name: string }) {
  const tree = useResource<TreeNode>(`/api/migrations/${encodeURIComponent(name)}/resources`);
  const [copied, setCopied] = useState<string>();
  const [json, setJson] = useState<{ title: string; text: string }>();
  const [error, setError] = useState<string>();
  const rows = tree.data ? flatten(tree.data) : [];
  const copy = (text: string) => {
    setCopied(text);
    copyText(text);
  };
  const view = (n: TreeNode) => {
    const q = new URLSearchParams({ cluster: n.cluster, apiVersion: n.apiVersion, kind: n.kind, resource: n.resource, name: n.name });
    if (n.namespace) q.set('namespace', n.namespace);
    api.get<unknown>(`/api/object?${q}`)
      .then((o) => setJson({ title: `${n.kind} ${n.name}`, text: JSON.stringify(o, null, 2) }))
      .catch((e: Error) => setError(e.message));
  };
  return (
    <>
      <ErrorAlert error={tree.error ?? error} />
      {copied && (
        <div style={{ margin: '16px 0' }}>
          <Alert isInline variant="success" title="Command copied" />
          <ClipboardCopy isReadOnly id="copied-command" hoverTip="Copy" clickTip="Copied">{copied}</ClipboardCopy>
        </div>
      )}
      <Table aria-label="Migration resources" id="resources-table" variant="compact">
        <Thead><Tr><Th>Resource</Th><Th>Kind</Th><Th>Cluster</Th><Th>Namespace</Th><Th>Status</Th><Th screenReaderText="Actions" /></Tr></Thead>
        <Tbody>
          {rows.map(({ node, depth }) => (
            <Tr key={`${node.cluster}/${node.kind}/${node.namespace}/${node.name}`} data-kind={node.kind} data-name={node.name}>
              <Td><span style={{ paddingLeft: depth * 24 }}>{depth > 0 ? '└ ' : ''}{node.name}</span></Td>
              <Td>{node.kind}</Td>
              <Td>{node.cluster}</Td>
              <Td>{node.namespace}</Td>
              <Td>{node.status}</Td>
              <Td isActionCell><NodeMenu node={node} onCopy={copy} onView={() => view(node)} /></Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {json && (
        <Modal isOpen variant="large" onClose={() => setJson(undefined)} aria-labelledby="json-title" id="json-modal">
          <ModalHeader title={json.title} labelId="json-title" />
          <ModalBody><CodeBlock><CodeBlockCode id="json-text">{json.text}</CodeBlockCode></CodeBlock></ModalBody>
        </Modal>
      )}
    </>
  );
}

function NodeMenu({ node, onCopy, onView }: { node: TreeNode; onCopy: (t: string) => void; onView: () => void }) {
  const [open, setOpen] = useState(false);
  const id = `${node.kind}-${node.name}`.toLowerCase();
  const item = (key: string, label: string) => node.commands[key] && (
    <DropdownItem key={key} id={`${key}-${id}`} onClick={() => { setOpen(false); onCopy(node.commands[key]); }}>{label}</DropdownItem>
  );
  return (
    <Dropdown isOpen={open} onOpenChange={setOpen} popperProps={{ position: 'right' }}
      toggle={(ref) => <MenuToggle ref={ref} variant="plain" id={`menu-${id}`} aria-label={`Actions for ${node.name}`}
        onClick={() => setOpen(!open)} isExpanded={open}>⋮</MenuToggle>}>
      <DropdownList>
        {item('describe', 'Copy kubectl describe command')}
        {item('ocDescribe', 'Copy oc describe command')}
        {item('logs', 'Copy kubectl logs command')}
        {item('ocLogs', 'Copy oc logs command')}
        <DropdownItem id={`json-${id}`} onClick={() => { setOpen(false); onView(); }}>View JSON</DropdownItem>
      </DropdownList>
    </Dropdown>
  );
}
