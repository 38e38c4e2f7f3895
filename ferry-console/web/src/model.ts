// Pure logic of the console: what the pages show, derived from the objects the API returns.
// No React and no fetch here, so Vitest checks it directly.

export interface Condition {
  type: string;
  status: string;
  category?: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  creationTimestamp?: string;
  labels?: Record<string, string>;
}

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  spec?: any;
  status?: any;
}

export type Health = 'ready' | 'critical' | 'pending' | 'warning';

export function conditions(o: KubeObject | undefined): Condition[] {
  return (o?.status?.conditions as Condition[] | undefined) ?? [];
}

/** Ready when a Ready condition is True; critical when a Critical/Error condition is raised. */
export function health(o: KubeObject): Health {
  const cs = conditions(o);
  if (cs.some((c) => c.status === 'True' && (c.category === 'Critical' || c.category === 'Error'))) {
    return 'critical';
  }
  if (cs.some((c) => c.type === 'Ready' && c.status === 'True')) {
    return cs.some((c) => c.status === 'True' && c.category === 'Warn') ? 'warning' : 'ready';
  }
  return 'pending';
}

export function healthLabel(h: Health): string {
  return { ready: 'Ready', critical: 'Not ready', pending: 'Validating', warning: 'Ready with warnings' }[h];
}

/** Conditions worth showing: the raised ones, the most severe first. */
export function raised(o: KubeObject): Condition[] {
  const order: Record<string, number> = { Critical: 0, Error: 1, Warn: 2, Required: 3, Advisory: 4 };
  return conditions(o)
    .filter((c) => c.status === 'True')
    .sort((a, b) => (order[a.category ?? 'Advisory'] ?? 5) - (order[b.category ?? 'Advisory'] ?? 5));
}

/** A plan's namespaces entry `src` or `src:dest` split into its two names. */
export function splitMapping(entry: string): { source: string; target: string } {
  const i = entry.indexOf(':');
  return i < 0 ? { source: entry, target: entry } : { source: entry.slice(0, i), target: entry.slice(i + 1) };
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * The namespaces step: each selected source namespace with its (possibly renamed) destination.
 * Returns the plan's `namespaces` entries, or the problems to show (invalid name, duplicate target).
 */
export function namespaceEntries(selected: string[], targets: Record<string, string>): { entries: string[]; problems: string[] } {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const entries = selected.map((source) => {
    const target = (targets[source] ?? '').trim() || source;
    if (target.length > 63 || !DNS_LABEL.test(target)) {
      problems.push(`'${target}' is not a valid namespace name (lower-case letters, digits and '-')`);
    }
    const other = seen.get(target);
    if (other !== undefined) {
      problems.push(`${other} and ${source} would both land in ${target} on the destination`);
    }
    seen.set(target, source);
    return target === source ? source : `${source}:${target}`;
  });
  if (selected.length === 0) {
    problems.push('Select at least one namespace.');
  }
  return { entries, problems };
}

/**
 * The repository form's values of an existing MigStorage (its Edit): the provider and its
 * configuration (CA bundles decoded to PEM); credentials are never read back.
 */
export function storageForm(storage: KubeObject): { name: string; provider: string; config: Record<string, string | boolean> } {
  const config: Record<string, string | boolean> = {};
  for (const [key, value] of Object.entries(storage.spec?.backupStorageConfig ?? {})) {
    if (key === 'credsSecretRef' || value === null || typeof value === 'object') continue;
    if (key === 's3CustomCABundle' && typeof value === 'string') {
      try {
        config[key] = atob(value);
      } catch {
        config[key] = value;
      }
    } else {
      config[key] = typeof value === 'boolean' ? value : String(value);
    }
  }
  return { name: storage.metadata.name, provider: storage.spec?.backupStorageProvider ?? '', config };
}

/** The cluster form's values of an existing MigCluster (its Edit); the token is never read back. */
export function clusterForm(cluster: KubeObject) {
  const spec = cluster.spec ?? {};
  let caBundle = '';
  try {
    caBundle = spec.caBundle ? atob(spec.caBundle) : '';
  } catch {
    caBundle = '';
  }
  return {
    name: cluster.metadata.name, isHostCluster: !!spec.isHostCluster, url: spec.url ?? '', token: '', caBundle,
    insecure: !!spec.insecure, exposedRegistryPath: spec.exposedRegistryPath ?? '',
    azureResourceGroup: spec.azureResourceGroup ?? '',
  };
}

/** The wizard's form state of an existing plan (its Edit): the inverse of what the wizard writes. */
export function planForm(plan: KubeObject): {
  general: { name: string; sourceCluster: string; destinationCluster: string; storage: string };
  selected: string[];
  targets: Record<string, string>;
  options: { indirectImageMigration: boolean; indirectVolumeMigration: boolean };
} {
  const spec = plan.spec ?? {};
  const selected: string[] = [];
  const targets: Record<string, string> = {};
  for (const entry of (spec.namespaces ?? []) as string[]) {
    const [source, target] = entry.split(':');
    selected.push(source);
    if (target) targets[source] = target;
  }
  return {
    general: {
      name: plan.metadata.name,
      sourceCluster: spec.srcMigClusterRef?.name ?? '',
      destinationCluster: spec.destMigClusterRef?.name ?? '',
      storage: spec.migStorageRef?.name ?? '',
    },
    selected,
    targets,
    options: {
      indirectImageMigration: !!spec.indirectImageMigration,
      indirectVolumeMigration: !!spec.indirectVolumeMigration,
    },
  };
}

export function isValidName(name: string): boolean {
  return name.length > 0 && name.length <= 63 && /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name);
}

/** What kind of migration: Stage, Cutover or Rollback. */
export function migrationType(m: KubeObject): string {
  if (m.spec?.rollback) return 'Rollback';
  if (m.spec?.stage) return 'Stage';
  return 'Cutover';
}

/** The migration's state for lists: Completed, Failed, Canceled, Running (phase), Pending. */
export function migrationState(m: KubeObject): { label: string; done: boolean; failed: boolean } {
  const cs = conditions(m);
  const has = (t: string) => cs.some((c) => c.type === t && c.status === 'True');
  if (has('Failed')) return { label: 'Failed', done: true, failed: true };
  if (has('Canceled')) return { label: 'Canceled', done: true, failed: false };
  if (has('Succeeded')) {
    const warned = cs.some((c) => c.status === 'True' && c.category === 'Warn');
    return { label: warned ? 'Completed with warnings' : 'Completed', done: true, failed: false };
  }
  const phase = m.status?.phase as string | undefined;
  if (phase === 'Completed') return { label: 'Completed', done: true, failed: false };
  if (cs.some((c) => c.type === 'Running' && c.status === 'True') || phase) {
    return { label: phase ? `Running: ${phase}` : 'Running', done: false, failed: false };
  }
  return { label: 'Pending', done: false, failed: false };
}

/** The plan's migrations, newest first. */
export function migrationsOf(plan: string, all: KubeObject[]): KubeObject[] {
  return all
    .filter((m) => m.spec?.migPlanRef?.name === plan)
    .sort((a, b) => (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? '') ||
      b.metadata.name.localeCompare(a.metadata.name));
}

export interface Step {
  name: string;
  phase?: string;
  message?: string;
  progress?: string[];
  started?: string;
  completed?: string;
  failed?: boolean;
  skipped?: boolean;
}

export type StepState = 'done' | 'running' | 'failed' | 'waiting' | 'skipped';

export function stepState(s: Step): StepState {
  if (s.failed) return 'failed';
  if (s.skipped) return 'skipped';
  if (s.completed) return 'done';
  if (s.started) return 'running';
  return 'waiting';
}

/** How far the pipeline is: completed steps over all (skipped steps count as done). */
export function pipelineProgress(steps: Step[]): number {
  if (steps.length === 0) return 0;
  const done = steps.filter((s) => s.completed || s.skipped).length;
  return Math.round((100 * done) / steps.length);
}

/** Which actions a plan offers now, as MTC's console does. */
export function planActions(plan: KubeObject, migrations: KubeObject[]): { stage: boolean; cutover: boolean; rollback: boolean; why?: string } {
  const ready = health(plan) === 'ready' || health(plan) === 'warning';
  const running = migrations.some((m) => !migrationState(m).done);
  const closed = !!plan.spec?.closed;
  const migratedOnce = migrations.some((m) => migrationType(m) === 'Cutover' && migrationState(m).label.startsWith('Completed'));
  let why: string | undefined;
  if (closed) why = 'The plan is closed.';
  else if (running) why = 'A migration of this plan is running.';
  else if (!ready) why = 'The plan is not ready: see its conditions.';
  const can = !closed && !running && ready;
  return { stage: can, cutover: can, rollback: !running && !closed && migrations.length > 0 && (migratedOnce || migrations.length > 0), why };
}

/** A cluster row: its URL (or "host"), readiness and the message to show when not ready. */
export function clusterRow(c: KubeObject): { name: string; location: string; health: Health; message?: string } {
  const h = health(c);
  const problem = raised(c).find((x) => x.category === 'Critical' || x.category === 'Error');
  return {
    name: c.metadata.name,
    location: c.spec?.isHostCluster ? 'host (this cluster)' : c.spec?.url ?? '',
    health: h,
    message: problem?.message,
  };
}

export function storageLocation(s: KubeObject): string {
  const c = s.spec?.backupStorageConfig ?? {};
  switch (s.spec?.backupStorageProvider) {
    case 'aws':
      return `s3://${c.awsBucketName ?? '?'}${c.awsS3Url ? ` at ${c.awsS3Url}` : ''}`;
    case 'filesystem':
      return c.filesystemPath ?? '';
    case 'azure':
      return `azure://${c.azureStorageAccount ?? '?'}/${c.azureStorageContainer ?? '?'}`;
    case 'gcp':
      return `gs://${c.gcpBucket ?? '?'}`;
    default:
      return '';
  }
}

export interface TreeNode {
  kind: string;
  apiVersion: string;
  resource: string;
  name: string;
  namespace?: string;
  cluster: string;
  status?: string;
  commands: Record<string, string>;
  children: TreeNode[];
}

/** The tree as rows with their depth, depth-first, for a flat, indented table. */
export function flatten(node: TreeNode, depth = 0, out: { node: TreeNode; depth: number }[] = []) {
  out.push({ node, depth });
  node.children.forEach((c) => flatten(c, depth + 1, out));
  return out;
}

/** Volume step: a PV's selectable actions, methods and the current selection. */
export function volumeChoices(pv: any): { actions: string[]; methods: string[] } {
  return {
    actions: pv?.supported?.actions ?? ['copy', 'skip'],
    methods: pv?.supported?.copyMethods ?? ['filesystem'],
  };
}

export function formatAge(timestamp: string | undefined, now: Date): string {
  if (!timestamp) return '';
  const seconds = Math.max(0, Math.floor((now.getTime() - new Date(timestamp).getTime()) / 1000));
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)}h`;
  return `${Math.floor(seconds / 86400)}d`;
}

/** One line of "View logs" (GET /api/logs/NAME). */
export interface LogLine { time: string; source: string; component: string; level: string; text: string }

/** The sources present, in first-seen order (the source filter's choices). */
export function logSources(lines: LogLine[]): string[] {
  return [...new Set(lines.map((l) => l.source))];
}

/** Lines of one source (or all: ''), containing `text` (case-insensitive) in the message or source. */
export function filterLogs(lines: LogLine[], source: string, text: string): LogLine[] {
  const needle = text.trim().toLowerCase();
  return lines.filter((l) => (!source || l.source === source)
    && (!needle || l.text.toLowerCase().includes(needle) || l.source.toLowerCase().includes(needle)));
}

const SOURCE_COLORS = ['blue', 'green', 'purple', 'orange', 'teal', 'yellow', 'grey'];

/** A stable colour per source (as `ferry logs` colours its sources). */
export function sourceColor(source: string): string {
  if (source === 'controller') return 'blue';
  let hash = 0;
  for (const c of source) hash = (hash * 31 + c.charCodeAt(0)) | 0;
  return SOURCE_COLORS[Math.abs(hash) % SOURCE_COLORS.length];
}
