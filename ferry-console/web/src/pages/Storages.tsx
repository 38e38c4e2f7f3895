import { useState } from 'react';
import {
  Button, Checkbox, Form, FormGroup, FormHelperText, FormSelect, FormSelectOption, HelperText, HelperTextItem, Modal,
  ModalBody, ModalFooter, ModalHeader, PageSection, TextArea, TextInput, Title, Toolbar, ToolbarContent, ToolbarItem,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { api, useResource } from '../api';
import { KubeObject, health, raised, storageForm, storageLocation } from '../model';
import { Confirm, ErrorAlert, HealthLabel } from './common';

interface Field { key: string; label: string; type: 'TEXT' | 'BOOLEAN' | 'PEM' | 'SECRET'; required: boolean; help?: string }
interface Provider { id: string; label: string; config: Field[]; credentials: Field[] }

export function StoragesPage() {
  const storages = useResource<KubeObject[]>('/api/storages');
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<KubeObject>();
  const [removing, setRemoving] = useState<string>();
  return (
    <PageSection>
      <Title headingLevel="h1">Replication repositories</Title>
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem><Button id="add-storage" onClick={() => setAdding(true)}>Add replication repository</Button></ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      <ErrorAlert error={storages.error} />
      <Table aria-label="Replication repositories" id="storages-table">
        <Thead><Tr><Th>Name</Th><Th>Provider</Th><Th>Location</Th><Th>Status</Th><Th>Message</Th><Th screenReaderText="Actions" /></Tr></Thead>
        <Tbody>
          {(storages.data ?? []).map((s) => {
            const problem = raised(s).find((c) => c.category === 'Critical' || c.category === 'Error');
            return (
              <Tr key={s.metadata.name} data-row={s.metadata.name}>
                <Td>{s.metadata.name}</Td>
                <Td>{s.spec?.backupStorageProvider}</Td>
                <Td>{storageLocation(s)}</Td>
                <Td><HealthLabel health={health(s)} id={`storage-status-${s.metadata.name}`} /></Td>
                <Td>{problem?.message}</Td>
                <Td isActionCell>
                  <Button variant="link" id={`edit-storage-${s.metadata.name}`} onClick={() => setEditing(s)}>Edit</Button>{' '}
                  <Button variant="secondary" isDanger onClick={() => setRemoving(s.metadata.name)}>Remove</Button>
                </Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
      {adding && <StorageForm onClose={() => { setAdding(false); storages.reload(); }} />}
      {editing && <StorageForm existing={editing} onClose={() => { setEditing(undefined); storages.reload(); }} />}
      {removing && (
        <Confirm title={`Remove replication repository ${removing}?`} confirmLabel="Remove" danger
          body={`This deletes MigStorage ${removing} and its credentials Secret; the data in the store stays.`}
          onConfirm={() => api.del(`/api/storages/${encodeURIComponent(removing)}`).then(storages.reload)}
          onClose={() => setRemoving(undefined)} />
      )}
    </PageSection>
  );
}

/** Add a repository, or edit one (`existing`): credentials then stay empty unless they are to change. */
function StorageForm({ existing, onClose }: { existing?: KubeObject; onClose: () => void }) {
  const providers = useResource<Provider[]>('/api/providers');
  const initial = existing ? storageForm(existing) : { name: '', provider: '', config: {} };
  const [name, setName] = useState(initial.name);
  const [providerId, setProviderId] = useState(initial.provider);
  const [config, setConfig] = useState<Record<string, string | boolean>>(initial.config);
  const [credentials, setCredentials] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const provider = providers.data?.find((p) => p.id === providerId) ?? providers.data?.[0];
  const field = (f: Field, secret: boolean) => {
    const id = `storage-${f.key}`;
    if (f.type === 'BOOLEAN') {
      return <Checkbox key={f.key} id={id} label={f.label} isChecked={!!config[f.key]} description={f.help}
        onChange={(_e, v) => setConfig({ ...config, [f.key]: v })} />;
    }
    const value = secret ? credentials[f.key] ?? '' : (config[f.key] as string) ?? '';
    const change = (v: string) => secret ? setCredentials({ ...credentials, [f.key]: v }) : setConfig({ ...config, [f.key]: v });
    return (
      <FormGroup key={f.key} label={f.label} isRequired={f.required && !(secret && existing)} fieldId={id}>
        {f.type === 'PEM'
          ? <TextArea id={id} value={value} onChange={(_e, v) => change(v)} resizeOrientation="vertical" />
          : <TextInput id={id} type={f.type === 'SECRET' ? 'password' : 'text'} value={value} onChange={(_e, v) => change(v)} />}
        {secret && existing && <FormHelperText><HelperText><HelperTextItem>Leave empty to keep the current value.</HelperTextItem></HelperText></FormHelperText>}
        {f.help && <FormHelperText><HelperText><HelperTextItem>{f.help}</HelperTextItem></HelperText></FormHelperText>}
      </FormGroup>
    );
  };
  return (
    <Modal isOpen variant="medium" onClose={onClose} aria-labelledby="add-storage-title" id="add-storage-modal">
      <ModalHeader title={existing ? `Edit replication repository ${existing.metadata.name}` : 'Add replication repository'}
        labelId="add-storage-title" />
      <ModalBody>
        <Form onSubmit={(e) => e.preventDefault()}>
          <FormGroup label="Storage provider type" isRequired fieldId="storage-provider">
            <FormSelect id="storage-provider" value={provider?.id ?? ''} onChange={(_e, v) => setProviderId(v)}>
              {(providers.data ?? []).map((p) => <FormSelectOption key={p.id} value={p.id} label={p.label} />)}
            </FormSelect>
          </FormGroup>
          <FormGroup label="Replication repository name" isRequired fieldId="storage-name">
            <TextInput id="storage-name" value={name} isDisabled={!!existing} onChange={(_e, v) => setName(v)} />
          </FormGroup>
          {provider?.config.map((f) => field(f, false))}
          {provider?.credentials.map((f) => field(f, true))}
        </Form>
        <ErrorAlert error={error ?? providers.error} />
      </ModalBody>
      <ModalFooter>
        <Button id="add-storage-submit" isDisabled={busy || !name || !provider} onClick={() => {
          setBusy(true);
          const body = { name, provider: provider!.id, config, credentials };
          (existing ? api.put(`/api/storages/${encodeURIComponent(name)}`, body) : api.post('/api/storages', body))
            .then(onClose).catch((e: Error) => { setError(e.message); setBusy(false); });
        }}>{existing ? 'Save' : 'Add repository'}</Button>
        <Button variant="link" onClick={onClose}>Cancel</Button>
      </ModalFooter>
    </Modal>
  );
}
