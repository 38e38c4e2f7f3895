import { useEffect, useState } from 'react';
import {
  ActionGroup, Alert, Button, Checkbox, Form, FormGroup, FormSelect, FormSelectOption, PageSection,
  ProgressStep, ProgressStepper, TextInput, Title,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { api, useResource } from '../api';
import { KubeObject, isValidName, namespaceEntries, planForm, raised, volumeChoices, health } from '../model';
import { Conditions, ErrorAlert, HealthLabel } from './common';
import { navigate } from '../App';

const STEPS = ['General', 'Namespaces', 'Persistent volumes', 'Migration options', 'Hooks', 'Validation'];
const PHASES = ['PreBackup', 'PostBackup', 'PreRestore', 'PostRestore'];

interface NamespaceRow { name: string; pods: number; persistentVolumeClaims: number }
interface HookForm { name: string; phase: string; image: string; targetCluster: string; serviceAccount: string; executionNamespace: string; activeDeadlineSeconds: string }

/**
 * The plan wizard: the plan is created after the namespaces step (so the controller discovers its
 * volumes), then edited. With `edit`, the same steps open on an existing plan and every step is a
 * PATCH of it (MTC's "Edit" of a plan).
 */
export function PlanWizard({ edit }: { edit?: string }) {
  const clusters = useResource<KubeObject[]>('/api/clusters');
  const storages = useResource<KubeObject[]>('/api/storages');
  const [step, setStep] = useState(0);
  const [general, setGeneral] = useState({ name: '', sourceCluster: '', destinationCluster: '', storage: '' });
  const [selected, setSelected] = useState<string[]>([]);
  const [targets, setTargets] = useState<Record<string, string>>({});
  const [created, setCreated] = useState(!!edit);
  const [loaded, setLoaded] = useState(!edit);
  const [kept, setKept] = useState<any[]>([]);
  const [options, setOptions] = useState({ indirectImageMigration: false, indirectVolumeMigration: false });
  const [selections, setSelections] = useState<Record<string, any>>({});
  const [hooks, setHooks] = useState<HookForm[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const namespaces = useResource<NamespaceRow[]>(step === 1 && general.sourceCluster
    ? `/api/clusters/${encodeURIComponent(general.sourceCluster)}/namespaces` : undefined);
  const plan = useResource<KubeObject>(created ? `/api/plans/${encodeURIComponent(general.name)}` : undefined);
  const ns = namespaceEntries(selected, targets);
  const volumes: any[] = plan.data?.spec?.persistentVolumes ?? [];

  useEffect(() => {
    // Defaults for the selects once the lists arrive.
    const names = (clusters.data ?? []).map((c) => c.metadata.name);
    const host = (clusters.data ?? []).find((c) => c.spec?.isHostCluster)?.metadata.name;
    setGeneral((g) => ({
      ...g,
      sourceCluster: g.sourceCluster || names.find((n) => n !== host) || names[0] || '',
      destinationCluster: g.destinationCluster || host || names[0] || '',
      storage: g.storage || storages.data?.[0]?.metadata.name || '',
    }));
  }, [clusters.data, storages.data]);

  useEffect(() => {
    if (!edit) return;
    api.get<KubeObject>(`/api/plans/${encodeURIComponent(edit)}`).then((p) => {
      const loadedPlan = planForm(p);
      setGeneral(loadedPlan.general);
      setSelected(loadedPlan.selected);
      setTargets(loadedPlan.targets);
      setOptions(loadedPlan.options);
      setKept(p.spec?.hooks ?? []);
      setLoaded(true);
    }).catch((e: Error) => setError(e.message));
  }, [edit]);

  const generalValid = isValidName(general.name) && !!general.sourceCluster && !!general.destinationCluster && !!general.storage;
  const act = (f: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    f().catch((e: Error) => setError(e.message)).finally(() => setBusy(false));
  };
  const next = () => {
    if (step === 0 && edit) {
      act(async () => {
        await api.patch(`/api/plans/${encodeURIComponent(general.name)}`, { sourceCluster: general.sourceCluster,
          destinationCluster: general.destinationCluster, storage: general.storage });
        setStep(1);
      });
    } else if (step === 1) {
      act(async () => {
        if (!created) {
          await api.post('/api/plans', { ...general, namespaces: ns.entries });
          setCreated(true);
        } else {
          await api.patch(`/api/plans/${encodeURIComponent(general.name)}`, { namespaces: ns.entries });
        }
        setStep(2);
      });
    } else if (step === STEPS.length - 1) {
      act(async () => {
        for (const h of hooks) {
          await api.post('/api/hooks', h);
        }
        await api.patch(`/api/plans/${encodeURIComponent(general.name)}`, { ...options,
          persistentVolumes: Object.entries(selections).map(([name, selection]) => ({ name, selection })),
          hooks: [...kept.map((h) => ({ ...h, reference: { name: h.reference?.name } })),
            ...hooks.map((h) => ({ reference: { name: h.name }, phase: h.phase, serviceAccount: h.serviceAccount,
              executionNamespace: h.executionNamespace }))] });
        navigate(`plans/${encodeURIComponent(general.name)}`);
      });
    } else {
      setStep(step + 1);
    }
  };
  const nextDisabled = busy || !loaded || (step === 0 && !generalValid) || (step === 1 && ns.problems.length > 0)
    || (step === STEPS.length - 1 && !plan.data);
  const selection = (pv: any) => ({ ...(pv.selection ?? {}), ...(selections[pv.name] ?? {}) });
  const select = (pv: any, change: Record<string, unknown>) =>
    setSelections({ ...selections, [pv.name]: { ...selection(pv), ...change } });
  const clusterOptions = (clusters.data ?? []).map((c) => <FormSelectOption key={c.metadata.name} value={c.metadata.name} label={c.metadata.name} />);

  return (
    <PageSection>
      <Title headingLevel="h1">{edit ? `Edit migration plan ${edit}` : 'Create migration plan'}</Title>
      <ProgressStepper style={{ margin: '16px 0' }} aria-label="Wizard steps">
        {STEPS.map((s, i) => (
          <ProgressStep key={s} id={`wizard-step-${i}`} titleId={`wizard-step-title-${i}`}
            variant={i < step ? 'success' : i === step ? 'info' : 'pending'} isCurrent={i === step}>{s}</ProgressStep>
        ))}
      </ProgressStepper>
      <Form onSubmit={(e) => e.preventDefault()} id={`wizard-${step}`} style={{ maxWidth: 1000 }}>
        {step === 0 && (
          <>
            <FormGroup label="Plan name" isRequired fieldId="plan-name">
              <TextInput id="plan-name" value={general.name} isDisabled={created}
                validated={general.name && !isValidName(general.name) ? 'error' : 'default'}
                onChange={(_e, v) => setGeneral({ ...general, name: v })} />
            </FormGroup>
            <FormGroup label="Source cluster" isRequired fieldId="plan-source">
              <FormSelect id="plan-source" value={general.sourceCluster} isDisabled={created && !edit}
                onChange={(_e, v) => setGeneral({ ...general, sourceCluster: v })}>{clusterOptions}</FormSelect>
            </FormGroup>
            <FormGroup label="Target cluster" isRequired fieldId="plan-destination">
              <FormSelect id="plan-destination" value={general.destinationCluster} isDisabled={created && !edit}
                onChange={(_e, v) => setGeneral({ ...general, destinationCluster: v })}>{clusterOptions}</FormSelect>
            </FormGroup>
            <FormGroup label="Replication repository" isRequired fieldId="plan-storage">
              <FormSelect id="plan-storage" value={general.storage} isDisabled={created && !edit}
                onChange={(_e, v) => setGeneral({ ...general, storage: v })}>
                {(storages.data ?? []).map((s) => <FormSelectOption key={s.metadata.name} value={s.metadata.name} label={s.metadata.name} />)}
              </FormSelect>
            </FormGroup>
          </>
        )}
        {step === 1 && (
          <>
            <ErrorAlert error={namespaces.error} />
            <Table aria-label="Namespaces" id="namespaces-table" variant="compact">
              <Thead><Tr><Th screenReaderText="Select" /><Th>Namespace</Th><Th>Pods</Th><Th>PV claims</Th><Th>Target name</Th></Tr></Thead>
              <Tbody>
                {(namespaces.data ?? []).map((n, i) => {
                  const on = selected.includes(n.name);
                  return (
                    <Tr key={n.name} data-namespace={n.name}>
                      <Td select={{ rowIndex: i, isSelected: on, onSelect: (_e, v) =>
                        setSelected(v ? [...selected, n.name] : selected.filter((x) => x !== n.name)) }} />
                      <Td>{n.name}</Td><Td>{n.pods}</Td><Td>{n.persistentVolumeClaims}</Td>
                      <Td>{on && <TextInput id={`target-${n.name}`} aria-label={`Target name of ${n.name}`}
                        value={targets[n.name] ?? n.name} onChange={(_e, v) => setTargets({ ...targets, [n.name]: v })} />}</Td>
                    </Tr>
                  );
                })}
              </Tbody>
            </Table>
            {selected.length > 0 && ns.problems.map((p) => <Alert key={p} isInline variant="danger" title={p} />)}
          </>
        )}
        {step === 2 && (
          volumes.length === 0
            ? <Alert isInline variant="info" id="no-volumes" title={plan.data?.status ? 'No persistent volumes in the selected namespaces.' : 'Discovering persistent volumes…'} />
            : (
              <Table aria-label="Persistent volumes" id="volumes-table" variant="compact">
                <Thead><Tr><Th>PV</Th><Th>Claim</Th><Th>Capacity</Th><Th>Type</Th><Th>Copy method</Th><Th>Target storage class</Th><Th>Access mode</Th><Th>Verify copy</Th></Tr></Thead>
                <Tbody>
                  {volumes.map((pv) => {
                    const sel = selection(pv);
                    const choices = volumeChoices(pv);
                    return (
                      <Tr key={pv.name} data-pv={pv.name}>
                        <Td>{pv.name}</Td><Td>{pv.pvc?.namespace}/{pv.pvc?.name}</Td><Td>{pv.capacity}</Td>
                        <Td><FormSelect id={`pv-action-${pv.name}`} aria-label="Action" value={sel.action ?? ''} onChange={(_e, v) => select(pv, { action: v })}>
                          {choices.actions.map((a) => <FormSelectOption key={a} value={a} label={a} />)}</FormSelect></Td>
                        <Td><FormSelect id={`pv-method-${pv.name}`} aria-label="Copy method" value={sel.copyMethod ?? ''} onChange={(_e, v) => select(pv, { copyMethod: v })}>
                          {choices.methods.map((a) => <FormSelectOption key={a} value={a} label={a} />)}</FormSelect></Td>
                        <Td><TextInput id={`pv-class-${pv.name}`} aria-label="Storage class" value={sel.storageClass ?? ''} onChange={(_e, v) => select(pv, { storageClass: v })} /></Td>
                        <Td><FormSelect id={`pv-access-${pv.name}`} aria-label="Access mode" value={sel.accessMode ?? ''} onChange={(_e, v) => select(pv, { accessMode: v || undefined })}>
                          <FormSelectOption value="" label="(as the source)" />
                          {['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'].map((a) => <FormSelectOption key={a} value={a} label={a} />)}</FormSelect></Td>
                        <Td><Checkbox id={`pv-verify-${pv.name}`} aria-label="Verify" isChecked={!!sel.verify} onChange={(_e, v) => select(pv, { verify: v })} /></Td>
                      </Tr>
                    );
                  })}
                </Tbody>
              </Table>
            )
        )}
        {step === 3 && (
          <>
            <Checkbox id="opt-indirect-images" label="Use indirect image migration (through the replication repository)"
              isChecked={options.indirectImageMigration} onChange={(_e, v) => setOptions({ ...options, indirectImageMigration: v })} />
            <Checkbox id="opt-indirect-volumes" label="Use indirect volume migration (through the replication repository)"
              isChecked={options.indirectVolumeMigration} onChange={(_e, v) => setOptions({ ...options, indirectVolumeMigration: v })} />
          </>
        )}
        {step === 4 && (
          <>
            {kept.map((h, i) => (
              <Alert key={`kept-${i}`} isInline variant="info" title={`${h.phase}: hook ${h.reference?.name}`}
                actionClose={<Button variant="link" onClick={() => setKept(kept.filter((_, j) => j !== i))}>Remove</Button>} />
            ))}
            {hooks.map((h, i) => (
              <Alert key={i} isInline variant="info" title={`${h.phase}: hook ${h.name} (${h.image}) on the ${h.targetCluster} cluster`}
                actionClose={<Button variant="link" onClick={() => setHooks(hooks.filter((_, j) => j !== i))}>Remove</Button>} />
            ))}
            {kept.length + hooks.length < 4 && <HookEditor used={[...kept, ...hooks].map((h) => h.phase)} onAdd={(h) => setHooks([...hooks, h])} />}
          </>
        )}
        {step === 5 && (
          plan.data
            ? <>
                <div>Plan status: <HealthLabel health={health(plan.data)} id="wizard-plan-status" /></div>
                <Conditions items={raised(plan.data)} id="wizard-conditions" />
              </>
            : <Alert isInline variant="info" title="Validating…" />
        )}
        <ErrorAlert error={error} />
        <ActionGroup>
          <Button id="wizard-back" variant="secondary" isDisabled={step === 0 || busy} onClick={() => setStep(step - 1)}>Back</Button>
          <Button id="wizard-next" isDisabled={nextDisabled} onClick={next}>{step === STEPS.length - 1 ? 'Finish' : 'Next'}</Button>
          <Button variant="link" onClick={() => navigate('plans')}>Cancel</Button>
        </ActionGroup>
      </Form>
    </PageSection>
  );
}

function HookEditor({ used, onAdd }: { used: string[]; onAdd: (h: HookForm) => void }) {
  const free = PHASES.filter((p) => !used.includes(p));
  const [h, setH] = useState<HookForm>({ name: '', phase: free[0], image: '', targetCluster: 'source',
    serviceAccount: 'migration-controller', executionNamespace: 'openshift-migration', activeDeadlineSeconds: '1800' });
  const set = (k: keyof HookForm, v: string) => setH({ ...h, [k]: v });
  return (
    <>
      <Title headingLevel="h3">Add hook</Title>
      <FormGroup label="Hook name" fieldId="hook-name"><TextInput id="hook-name" value={h.name} onChange={(_e, v) => set('name', v)} /></FormGroup>
      <FormGroup label="Migration step when the hook runs" fieldId="hook-phase">
        <FormSelect id="hook-phase" value={h.phase} onChange={(_e, v) => set('phase', v)}>
          {free.map((p) => <FormSelectOption key={p} value={p} label={p} />)}</FormSelect></FormGroup>
      <FormGroup label="Custom container image" fieldId="hook-image"><TextInput id="hook-image" value={h.image} onChange={(_e, v) => set('image', v)} /></FormGroup>
      <FormGroup label="Run in cluster" fieldId="hook-cluster">
        <FormSelect id="hook-cluster" value={h.targetCluster} onChange={(_e, v) => set('targetCluster', v)}>
          <FormSelectOption value="source" label="source" /><FormSelectOption value="destination" label="destination" /></FormSelect></FormGroup>
      <FormGroup label="Service account name" fieldId="hook-sa"><TextInput id="hook-sa" value={h.serviceAccount} onChange={(_e, v) => set('serviceAccount', v)} /></FormGroup>
      <FormGroup label="Service account namespace" fieldId="hook-ns"><TextInput id="hook-ns" value={h.executionNamespace} onChange={(_e, v) => set('executionNamespace', v)} /></FormGroup>
      <FormGroup label="Deadline (seconds)" fieldId="hook-deadline"><TextInput id="hook-deadline" value={h.activeDeadlineSeconds} onChange={(_e, v) => set('activeDeadlineSeconds', v)} /></FormGroup>
      <Button variant="secondary" id="hook-add" isDisabled={!isValidName(h.name) || !h.image} onClick={() => onAdd(h)}>Add hook</Button>
    </>
  );
}
