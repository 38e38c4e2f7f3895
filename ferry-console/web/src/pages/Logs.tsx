import { useState } from 'react';
import {
  Breadcrumb, BreadcrumbItem, FormSelect, FormSelectOption, Label, PageSection, SearchInput, Title, Toolbar,
  ToolbarContent, ToolbarItem,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useResource } from '../api';
import { LogLine, filterLogs, logSources, sourceColor } from '../model';
import { ErrorAlert } from './common';

interface Logs { name: string; since: string; truncated: boolean; lines: LogLine[] }

/**
 * "View logs": the merged log of a migration or of every migration of a plan (controller, mover
 * and hook pods, Backup/Restore operation logs), as `ferry logs NAME` prints it; refreshed live.
 */
export function LogsView({ name }: { name: string }) {
  const [since, setSince] = useState('1h');
  const [source, setSource] = useState('');
  const [text, setText] = useState('');
  const logs = useResource<Logs>(`/api/logs/${encodeURIComponent(name)}?since=${since}`);
  const all = logs.data?.lines ?? [];
  const shown = filterLogs(all, source, text);
  return (
    <>
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>
            <FormSelect id="logs-since" aria-label="Since" value={since} onChange={(_e, v) => setSince(v)}>
              {['15m', '1h', '24h', '168h'].map((s) => <FormSelectOption key={s} value={s} label={`last ${s}`} />)}
            </FormSelect>
          </ToolbarItem>
          <ToolbarItem>
            <FormSelect id="logs-source" aria-label="Source" value={source} onChange={(_e, v) => setSource(v)}>
              <FormSelectOption value="" label="all sources" />
              {logSources(all).map((s) => <FormSelectOption key={s} value={s} label={s} />)}
            </FormSelect>
          </ToolbarItem>
          <ToolbarItem>
            <SearchInput id="logs-filter" aria-label="Filter" placeholder="Filter lines" value={text}
              onChange={(_e, v) => setText(v)} onClear={() => setText('')} />
          </ToolbarItem>
          <ToolbarItem>{logs.data ? `${shown.length} of ${all.length} line(s)${logs.data.truncated ? ' (the last ones)' : ''}` : 'Reading logs…'}</ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      <ErrorAlert error={logs.error} />
      <Table aria-label="Logs" id="logs-table" variant="compact">
        <Thead><Tr><Th>Time</Th><Th>Source</Th><Th>Level</Th><Th>Message</Th></Tr></Thead>
        <Tbody>
          {shown.map((l, i) => (
            <Tr key={i} data-source={l.source}>
              <Td style={{ whiteSpace: 'nowrap' }}>{l.time.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}</Td>
              <Td><Label color={sourceColor(l.source) as any}>{l.source}</Label></Td>
              <Td>{l.level}</Td>
              <Td style={{ fontFamily: 'monospace', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{l.text}</Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </>
  );
}

/** The plan's aggregated log, as a page of its own (the plan's Actions → View logs). */
export function PlanLogsPage({ name }: { name: string }) {
  return (
    <PageSection>
      <Breadcrumb>
        <BreadcrumbItem to="#/plans">Migration plans</BreadcrumbItem>
        <BreadcrumbItem to={`#/plans/${encodeURIComponent(name)}`}>{name}</BreadcrumbItem>
        <BreadcrumbItem isActive>Logs</BreadcrumbItem>
      </Breadcrumb>
      <Title headingLevel="h1">Logs of {name}</Title>
      <LogsView name={name} />
    </PageSection>
  );
}
