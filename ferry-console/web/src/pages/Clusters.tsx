import { useState } from 'react';
import {
  Button, Checkbox, FileUpload, Form, FormGroup, FormHelperText, HelperText, HelperTextItem, Modal, ModalBody,
  ModalFooter, ModalHeader, PageSection, TextInput, Title, Toolbar, ToolbarContent, ToolbarItem,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { api, useResource } from '../api';
import { KubeObject, clusterForm, clusterRow, health } from '../model';
import { Conditions, Confirm, ErrorAlert, HealthLabel } from './common';
import { raised } from '../model';

export function ClustersPage() {
  const clusters = useResource<KubeObject[]>('/api/clusters');
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<KubeObject>();
  const [removing, setRemoving] = useState<string>();
  const [expanded, setExpanded] = useState<string>();
  return (
    <PageSection>
      <Title headingLevel="h1">Clusters</Title>
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>
            <Button id="add-cluster" onClick={() => setAdding(true)}>Add cluster</Button>
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      <ErrorAlert error={clusters.error} />
      <Table aria-label="Clusters" id="clusters-table">
        <Thead>
          <Tr><Th screenReaderText="Conditions" /><Th>Name</Th><Th>Location</Th><Th>Status</Th><Th>Message</Th><Th screenReaderText="Actions" /></Tr>
        </Thead>
        {(clusters.data ?? []).map((c) => {
          const row = clusterRow(c);
          return (
            <Tbody key={row.name} isExpanded={expanded === row.name}>
              <Tr data-row={row.name}>
                <Td expand={{ rowIndex: 0, isExpanded: expanded === row.name,
                  onToggle: () => setExpanded(expanded === row.name ? undefined : row.name) }} />
                <Td dataLabel="Name">{row.name}</Td>
                <Td dataLabel="Location">{row.location}</Td>
                <Td dataLabel="Status"><HealthLabel health={health(c)} id={`cluster-status-${row.name}`} /></Td>
                <Td dataLabel="Message">{row.message}</Td>
                <Td isActionCell>
                  <Button variant="link" id={`refresh-cluster-${row.name}`}
                    onClick={() => api.post(`/api/clusters/${encodeURIComponent(row.name)}/refresh`, {}).then(clusters.reload)}>
                    Refresh</Button>{' '}
                  <Button variant="link" id={`edit-cluster-${row.name}`} onClick={() => setEditing(c)}>Edit</Button>{' '}
                  <Button variant="secondary" isDanger id={`remove-cluster-${row.name}`}
                    onClick={() => setRemoving(row.name)}>Remove</Button>
                </Td>
              </Tr>
              <Tr isExpanded={expanded === row.name}>
                <Td colSpan={6}><Conditions items={raised(c)} /></Td>
              </Tr>
            </Tbody>
          );
        })}
      </Table>
      {adding && <ClusterForm onClose={() => { setAdding(false); clusters.reload(); }} />}
      {editing && <ClusterForm existing={editing} onClose={() => { setEditing(undefined); clusters.reload(); }} />}
      {removing && (
        <Confirm title={`Remove cluster ${removing}?`} confirmLabel="Remove" danger
          body={`This deletes MigCluster ${removing} and the token Secret created for it. Plans that use it stop being ready.`}
          onConfirm={() => api.del(`/api/clusters/${encodeURIComponent(removing)}`).then(clusters.reload)}
          onClose={() => setRemoving(undefined)} />
      )}
    </PageSection>
  );
}

/** Add a cluster, or edit one (`existing`): the token field then stays empty unless it is to change. */
function ClusterForm({ existing, onClose }: { existing?: KubeObject; onClose: () => void }) {
  const [form, setForm] = useState(existing ? clusterForm(existing) : { name: '', isHostCluster: false, url: '',
    token: '', caBundle: '', insecure: false, exposedRegistryPath: '', azureResourceGroup: '' });
  const title = existing ? `Edit cluster ${existing.metadata.name}` : 'Add cluster';
  const [caFile, setCaFile] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const set = (k: string, v: unknown) => setForm({ ...form, [k]: v });
  return (
    <Modal isOpen variant="medium" onClose={onClose} aria-labelledby="add-cluster-title" id="add-cluster-modal">
      <ModalHeader title={title} labelId="add-cluster-title" />
      <ModalBody>
        <Form id="add-cluster-form" onSubmit={(e) => e.preventDefault()}>
          <FormGroup label="Cluster name" isRequired fieldId="cluster-name">
            <TextInput id="cluster-name" value={form.name} isDisabled={!!existing} onChange={(_e, v) => set('name', v)} />
          </FormGroup>
          <Checkbox id="cluster-host" label="This is the host cluster (where the console and the controller act)"
            isChecked={form.isHostCluster} onChange={(_e, v) => set('isHostCluster', v)} />
          {!form.isHostCluster && (
            <>
              <FormGroup label="URL" isRequired fieldId="cluster-url">
                <TextInput id="cluster-url" value={form.url} placeholder="https://api.example.com:6443"
                  onChange={(_e, v) => set('url', v)} />
              </FormGroup>
              <FormGroup label="Service account token" isRequired={!existing} fieldId="cluster-token">
                <TextInput id="cluster-token" type="password" value={form.token}
                  onChange={(_e, v) => set('token', v)} />
                <FormHelperText><HelperText><HelperTextItem>
                  {existing ? 'Leave empty to keep the current token; a new one replaces it in its Secret.'
                    : 'Stored in a Secret in openshift-config; never shown again.'}
                </HelperTextItem></HelperText></FormHelperText>
              </FormGroup>
              <FormGroup label="CA bundle (PEM)" fieldId="cluster-ca">
                <FileUpload id="cluster-ca" type="text" value={form.caBundle} filename={caFile}
                  allowEditingUploadedText browseButtonText="Upload"
                  onFileInputChange={(_e, f) => setCaFile(f.name)}
                  onDataChange={(_e, v) => set('caBundle', v)}
                  onTextChange={(_e, v) => set('caBundle', v)}
                  onClearClick={() => { setCaFile(''); set('caBundle', ''); }} />
              </FormGroup>
              <Checkbox id="cluster-verify" label="Require SSL verification" isChecked={!form.insecure}
                onChange={(_e, v) => set('insecure', !v)} />
            </>
          )}
          <FormGroup label="Exposed route host to image registry" fieldId="cluster-registry">
            <TextInput id="cluster-registry" value={form.exposedRegistryPath}
              onChange={(_e, v) => set('exposedRegistryPath', v)} />
          </FormGroup>
          <FormGroup label="Azure resource group" fieldId="cluster-azure-rg">
            <TextInput id="cluster-azure-rg" value={form.azureResourceGroup}
              onChange={(_e, v) => set('azureResourceGroup', v)} />
          </FormGroup>
        </Form>
        <ErrorAlert error={error} />
      </ModalBody>
      <ModalFooter>
        <Button id="add-cluster-submit" isDisabled={busy || !form.name} onClick={() => {
          setBusy(true);
          (existing ? api.put(`/api/clusters/${encodeURIComponent(existing.metadata.name)}`, form)
            : api.post('/api/clusters', form)).then(onClose).catch((e: Error) => { setError(e.message); setBusy(false); });
        }}>{existing ? 'Save' : 'Add cluster'}</Button>
        <Button variant="link" onClick={onClose}>Cancel</Button>
      </ModalFooter>
    </Modal>
  );
}
