import { describe, expect, it } from 'vitest';
import {
  flatten, health, migrationState, migrationsOf, migrationType, namespaceEntries, pipelineProgress, planActions, planForm, clusterForm, storageForm, filterLogs, logSources, sourceColor,
  raised, splitMapping, stepState, storageLocation, TreeNode,
} from './model';

const obj = (name: string, conditions: any[] = [], extra: any = {}) => ({ metadata: { name }, status: { conditions }, ...extra });
const ready = { type: 'Ready', status: 'True', category: 'Required', message: 'The plan is ready.' };

describe('health', () => {
  it('is ready only with a true Ready condition', () => {
    expect(health(obj('a', [ready]))).toBe('ready');
    expect(health(obj('a'))).toBe('pending');
  });
  it('is critical when a Critical or Error condition is raised, even next to Ready', () => {
    expect(health(obj('a', [ready, { type: 'StorageNotReady', status: 'True', category: 'Critical' }]))).toBe('critical');
  });
  it('warns when ready with a Warn condition', () => {
    expect(health(obj('a', [ready, { type: 'NamespacesHaveNodeSelectors', status: 'True', category: 'Warn' }]))).toBe('warning');
  });
  it('lists raised conditions, most severe first', () => {
    const r = raised(obj('a', [ready, { type: 'X', status: 'True', category: 'Critical' }, { type: 'Y', status: 'False', category: 'Error' }]));
    expect(r.map((c) => c.type)).toEqual(['X', 'Ready']);
  });
});

describe('namespaces step', () => {
  it('maps renamed namespaces to src:dest and keeps the others as they are', () => {
    expect(namespaceEntries(['shop', 'db'], { shop: 'shop-prod', db: '' })).toEqual({ entries: ['shop:shop-prod', 'db'], problems: [] });
  });
  it('finds duplicate targets and invalid names', () => {
    expect(namespaceEntries(['a', 'b'], { a: 'c', b: 'c' }).problems).toEqual(['a and b would both land in c on the destination']);
    expect(namespaceEntries(['a'], { a: 'Bad_Name' }).problems[0]).toContain('not a valid namespace name');
    expect(namespaceEntries([], {}).problems).toEqual(['Select at least one namespace.']);
  });
  it('splits plan entries', () => {
    expect(splitMapping('a:b')).toEqual({ source: 'a', target: 'b' });
    expect(splitMapping('a')).toEqual({ source: 'a', target: 'a' });
  });
});

describe('migrations', () => {
  const stage = obj('m1', [{ type: 'Succeeded', status: 'True', category: 'Advisory' }], { spec: { stage: true, migPlanRef: { name: 'p' } } });
  const running = { ...obj('m2', [{ type: 'Running', status: 'True' }]), spec: { migPlanRef: { name: 'p' } } };
  running.status = { ...running.status, phase: 'InitialBackupCreated' } as any;
  const failed = obj('m3', [{ type: 'Failed', status: 'True', category: 'Critical' }], { spec: { rollback: true, migPlanRef: { name: 'q' } } });

  it('names type and state', () => {
    expect(migrationType(stage)).toBe('Stage');
    expect(migrationType(running)).toBe('Cutover');
    expect(migrationType(failed)).toBe('Rollback');
    expect(migrationState(stage).label).toBe('Completed');
    expect(migrationState(running)).toEqual({ label: 'Running: InitialBackupCreated', done: false, failed: false });
    expect(migrationState(failed).failed).toBe(true);
  });
  it('lists a plan’s migrations newest first', () => {
    const a = { ...stage, metadata: { name: 'a', creationTimestamp: '2026-01-01T00:00:00Z' } };
    const b = { ...stage, metadata: { name: 'b', creationTimestamp: '2026-01-02T00:00:00Z' } };
    expect(migrationsOf('p', [a, failed, b]).map((m) => m.metadata.name)).toEqual(['b', 'a']);
  });
  it('offers stage and cutover on a ready plan with nothing running', () => {
    const plan = obj('p', [ready]);
    expect(planActions(plan, [stage])).toMatchObject({ stage: true, cutover: true, rollback: true });
    expect(planActions(plan, [running])).toMatchObject({ stage: false, cutover: false, why: 'A migration of this plan is running.' });
    expect(planActions(obj('p'), [])).toMatchObject({ stage: false, rollback: false });
  });
});

describe('pipeline', () => {
  it('counts completed and skipped steps', () => {
    const steps = [{ name: 'Prepare', started: 't', completed: 't' }, { name: 'Backup', started: 't' }, { name: 'Cleanup', skipped: true }, { name: 'Restore' }];
    expect(pipelineProgress(steps)).toBe(50);
    expect(steps.map(stepState)).toEqual(['done', 'running', 'skipped', 'waiting']);
    expect(stepState({ name: 'X', started: 't', failed: true })).toBe('failed');
  });
});

describe('resources tree', () => {
  it('flattens depth-first with depths', () => {
    const leaf = (name: string): TreeNode => ({ kind: 'K', apiVersion: 'v1', resource: 'k', name, cluster: 'host', commands: {}, children: [] });
    const tree = { ...leaf('plan'), children: [{ ...leaf('mig'), children: [leaf('dvm')] }, leaf('job')] };
    expect(flatten(tree).map((r) => `${r.depth}:${r.node.name}`)).toEqual(['0:plan', '1:mig', '2:dvm', '1:job']);
  });
});

describe('storage location', () => {
  it('shows where each provider keeps the repository', () => {
    expect(storageLocation({ metadata: { name: 's' }, spec: { backupStorageProvider: 'aws', backupStorageConfig: { awsBucketName: 'b', awsS3Url: 'http://x' } } })).toBe('s3://b at http://x');
    expect(storageLocation({ metadata: { name: 's' }, spec: { backupStorageProvider: 'filesystem', backupStorageConfig: { filesystemPath: '/r' } } })).toBe('/r');
  });
});

describe('planForm', () => {
  it('turns a plan back into what the wizard writes', () => {
    const plan = {
      metadata: { name: 'shop' },
      spec: {
        srcMigClusterRef: { name: 'src' }, destMigClusterRef: { name: 'host' }, migStorageRef: { name: 'repo' },
        namespaces: ['shop:shop-prod', 'db'], indirectVolumeMigration: true,
      },
    };
    const form = planForm(plan);
    expect(form.general).toEqual({ name: 'shop', sourceCluster: 'src', destinationCluster: 'host', storage: 'repo' });
    expect(form.selected).toEqual(['shop', 'db']);
    expect(form.targets).toEqual({ shop: 'shop-prod' });
    expect(form.options).toEqual({ indirectImageMigration: false, indirectVolumeMigration: true });
    expect(namespaceEntries(form.selected, form.targets).entries).toEqual(plan.spec.namespaces);
  });
});

describe('edit forms', () => {
  it('reads a cluster back without its token and with its CA bundle as PEM', () => {
    const pem = '-----BEGIN CERTIFICATE-----\nAAA\n-----END CERTIFICATE-----\n';
    const form = clusterForm({ metadata: { name: 'src' }, spec: { url: 'https://a:6443', caBundle: btoa(pem),
      serviceAccountSecretRef: { name: 'src-token-x', namespace: 'openshift-config' }, insecure: true } });
    expect(form).toEqual({ name: 'src', isHostCluster: false, url: 'https://a:6443', token: '', caBundle: pem,
      insecure: true, exposedRegistryPath: '', azureResourceGroup: '' });
  });
  it('reads a repository back without its credentials reference', () => {
    const form = storageForm({ metadata: { name: 'repo' }, spec: { backupStorageProvider: 'aws', backupStorageConfig: {
      awsBucketName: 'b', awsS3ForcePathStyle: true, awsSignatureVersion: 4,
      credsSecretRef: { name: 'c', namespace: 'openshift-config' } } } });
    expect(form).toEqual({ name: 'repo', provider: 'aws',
      config: { awsBucketName: 'b', awsS3ForcePathStyle: true, awsSignatureVersion: '4' } });
  });
});

describe('logs', () => {
  const line = (source: string, text: string) => ({ time: '2026-12-07T10:00:00Z', source, component: source, level: 'INFO', text });
  const lines = [line('controller', 'phase InitialBackupCreated started'), line('backup/x-abc', 'Backed up 3 items'),
    line('controller', 'migration x completed'), line('pod/mover-1', 'sent 3 MiB')];
  it('lists sources in first-seen order', () => {
    expect(logSources(lines)).toEqual(['controller', 'backup/x-abc', 'pod/mover-1']);
  });
  it('filters by source and by text, case-insensitively', () => {
    expect(filterLogs(lines, 'controller', '')).toHaveLength(2);
    expect(filterLogs(lines, '', 'BACKED UP')).toEqual([lines[1]]);
    expect(filterLogs(lines, 'controller', 'completed')).toEqual([lines[2]]);
    expect(filterLogs(lines, '', 'mover')).toEqual([lines[3]]);
  });
  it('gives each source a stable colour', () => {
    expect(sourceColor('controller')).toBe('blue');
    expect(sourceColor('pod/mover-1')).toBe(sourceColor('pod/mover-1'));
  });
});
