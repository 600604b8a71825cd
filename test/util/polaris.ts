/**
 * Polaris' danger-level checks (FairwindsOps/polaris pkg/config/checks/*.yaml, levels from pkg/config/default.yaml),
 * re-implemented over plain manifests so tests can assert that synthesized output has no danger finding. Each check
 * follows its JSON schema; exemptions follow pkg/validator/schema.go hasExemptionAnnotation
 * (`polaris.fairwinds.com/exempt` or `polaris.fairwinds.com/<check>-exempt` set to "true" on the object).
 */

/** One danger finding: the check, the object and what tripped it. */
export interface PolarisFinding {
  readonly check: string;
  readonly object: string;
  readonly detail: string;
}

const POD_TEMPLATE_PATHS: Record<string, (o: any) => any> = {
  Deployment: (o) => o.spec?.template?.spec,
  StatefulSet: (o) => o.spec?.template?.spec,
  DaemonSet: (o) => o.spec?.template?.spec,
  ReplicaSet: (o) => o.spec?.template?.spec,
  Job: (o) => o.spec?.template?.spec,
  CronJob: (o) => o.spec?.jobTemplate?.spec?.template?.spec,
  Pod: (o) => o.spec,
};

/** Key and env var names Polaris calls sensitive (sensitiveConfigmapContent, sensitiveContainerEnvVar). */
const SENSITIVE_NAMES = [/^AWS_SECRET_ACCESS_KEY$/i, /^GOOGLE_APPLICATION_CREDENTIALS$/i, /^AZURE_.+KEY$/i, /^OCI_CLI_KEY_CONTENT$/i, /password/i, /token/i, /bearer/i, /secret/i];
const PRIVATE_KEY_VALUE = /\s*-BEGIN\s+.*PRIVATE KEY-\s*/i;
const DANGEROUS_CAPABILITIES = [/^ALL$/i, /^SYS_ADMIN$/i, /^NET_ADMIN$/i];
/** Default roles and bindings Polaris never reports (clusterrolePodExecAttach and the binding checks). */
const DEFAULT_ROLE = (name: string) => ['admin', 'cluster-admin', 'edit', 'gce:podsecuritypolicy:calico-sa'].includes(name) || name.startsWith('system:');

function exempt(obj: any, check: string): boolean {
  const annotations = obj.metadata?.annotations ?? {};
  return String(annotations['polaris.fairwinds.com/exempt']).toLowerCase() === 'true'
    || String(annotations[`polaris.fairwinds.com/${check}-exempt`]).toLowerCase() === 'true';
}

function ref(obj: any): string {
  return `${obj.kind} ${obj.metadata?.namespace ? `${obj.metadata.namespace}/` : ''}${obj.metadata?.name}`;
}

/** pods/exec or pods/attach reachable through a rule (clusterrolePodExecAttach, rolePodExecAttach). */
function grantsExecOrAttach(rules: any[]): boolean {
  return (rules ?? []).some((r) => (r.apiGroups ?? []).some((g: string) => g === '' || g === '*')
    && (r.resources ?? []).some((x: string) => ['*', 'pods/exec', 'pods/attach'].includes(x))
    && (r.verbs ?? []).some((v: string) => ['*', 'get', 'create'].includes(v)));
}

/** A rule as wide as cluster-admin (clusterrolebindingClusterAdmin's additional schema). */
function grantsEverything(rules: any[]): boolean {
  return (rules ?? []).some((r) => (r.apiGroups ?? []).includes('*') && (r.resources ?? []).includes('*') && (r.verbs ?? []).includes('*'));
}

/** Every danger-level Polaris finding of `objects`, exemptions applied. */
export function polarisDangerFindings(objects: any[]): PolarisFinding[] {
  const findings: PolarisFinding[] = [];
  const report = (obj: any, check: string, detail: string) => {
    if (!exempt(obj, check)) findings.push({ check, object: ref(obj), detail });
  };
  const roles = new Map(objects.filter((o) => o.kind === 'Role' || o.kind === 'ClusterRole')
    .map((o) => [`${o.kind}/${o.kind === 'Role' ? o.metadata?.namespace ?? 'default' : ''}/${o.metadata?.name}`, o]));

  for (const obj of objects) {
    if (obj.kind === 'ConfigMap') {
      for (const [key, value] of Object.entries(obj.data ?? {})) {
        if (SENSITIVE_NAMES.some((re) => re.test(key))) report(obj, 'sensitiveConfigmapContent', `key ${key}`);
        if (PRIVATE_KEY_VALUE.test(String(value))) report(obj, 'sensitiveConfigmapContent', `value of ${key} holds a private key`);
      }
    }
    if (obj.kind === 'ClusterRole' && !DEFAULT_ROLE(obj.metadata?.name ?? '') && grantsExecOrAttach(obj.rules)) {
      report(obj, 'clusterrolePodExecAttach', 'grants pods/exec or pods/attach');
    }
    if (obj.kind === 'Role' && grantsExecOrAttach(obj.rules)) report(obj, 'rolePodExecAttach', 'grants pods/exec or pods/attach');
    if ((obj.kind === 'ClusterRoleBinding' || obj.kind === 'RoleBinding') && !DEFAULT_ROLE(obj.metadata?.name ?? '')) {
      const roleRef = obj.roleRef ?? {};
      const namespace = roleRef.kind === 'Role' ? obj.metadata?.namespace ?? 'default' : '';
      const role = roles.get(`${roleRef.kind}/${namespace}/${roleRef.name}`);
      const prefix = obj.kind === 'ClusterRoleBinding' ? 'clusterrolebinding' : 'rolebinding';
      if (roleRef.kind === 'ClusterRole' && (roleRef.name === 'cluster-admin' || (role && grantsEverything(role.rules)))) {
        report(obj, obj.kind === 'ClusterRoleBinding' ? 'clusterrolebindingClusterAdmin' : 'rolebindingClusterAdminClusterRole', `binds ${roleRef.name}`);
      }
      if (roleRef.kind === 'Role' && role && grantsEverything(role.rules)) report(obj, 'rolebindingClusterAdminRole', `binds ${roleRef.name}`);
      if (role && grantsExecOrAttach(role.rules)) {
        const check = obj.kind === 'ClusterRoleBinding'
          ? 'clusterrolebindingPodExecAttach'
          : roleRef.kind === 'Role' ? 'rolebindingRolePodExecAttach' : 'rolebindingClusterRolePodExecAttach';
        report(obj, check, `${prefix} to ${roleRef.name}, which grants pods/exec or pods/attach`);
      }
    }
    const podSpec = POD_TEMPLATE_PATHS[obj.kind]?.(obj);
    if (podSpec) checkPodSpec(obj, podSpec, report);
  }
  return findings;
}

function checkPodSpec(obj: any, spec: any, report: (obj: any, check: string, detail: string) => void): void {
  for (const field of ['hostNetwork', 'hostIPC', 'hostPID'] as const) {
    if (spec[field] === true) report(obj, `${field}Set`, `${field}: true`);
  }
  const podContext = spec.securityContext ?? {};
  const containers: any[] = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];

  // privilegeEscalationAllowed: allowPrivilegeEscalation false on every container (or on the pod, not overridden).
  const podNoEscalation = podContext.allowPrivilegeEscalation === false
    && containers.every((c) => c.securityContext?.allowPrivilegeEscalation !== true);
  if (!podNoEscalation && !containers.every((c) => c.securityContext?.allowPrivilegeEscalation === false)) {
    report(obj, 'privilegeEscalationAllowed', 'a container may escalate privileges');
  }
  // runAsRootAllowed: non-root at pod level and not undone per container, or non-root on every container.
  const good = (sc: any) => (sc?.runAsUser !== undefined && sc.runAsUser >= 1) || sc?.runAsNonRoot === true;
  const notBad = (sc: any) => !(sc?.runAsUser !== undefined && sc.runAsUser < 1) && !(sc?.runAsNonRoot !== undefined && sc.runAsNonRoot !== true);
  const podNonRoot = good(podContext) && containers.every((c) => notBad(c.securityContext));
  if (!podNonRoot && !containers.every((c) => good(c.securityContext))) report(obj, 'runAsRootAllowed', 'a container may run as root');
  if (podContext.privileged === true) report(obj, 'runAsPrivileged', 'privileged pod');

  for (const c of containers) {
    const image = String(c.image ?? '');
    if (!/^.+:.+$/.test(image) || /^.+:latest$/.test(image)) report(obj, 'tagNotSpecified', `container ${c.name} image ${image}`);
    if (c.securityContext?.privileged === true) report(obj, 'runAsPrivileged', `container ${c.name} is privileged`);
    for (const cap of c.securityContext?.capabilities?.add ?? []) {
      if (DANGEROUS_CAPABILITIES.some((re) => re.test(cap))) report(obj, 'dangerousCapabilities', `container ${c.name} adds ${cap}`);
    }
    for (const env of c.env ?? []) {
      if (env.value === undefined) continue;
      if (SENSITIVE_NAMES.some((re) => re.test(env.name))) report(obj, 'sensitiveContainerEnvVar', `container ${c.name} env ${env.name}`);
      if (PRIVATE_KEY_VALUE.test(String(env.value))) report(obj, 'sensitiveContainerEnvVar', `container ${c.name} env ${env.name} holds a private key`);
    }
  }
}
