import { containersOf, isObject, listOf } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

/** Volume types the Pod Security Standards `restricted` profile allows. */
const RESTRICTED_VOLUME_TYPES = new Set(['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret']);
/** Sysctls the `baseline` profile (and so `restricted`) allows. */
const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes',
]);
const ALLOWED_SECCOMP = new Set(['RuntimeDefault', 'Localhost']);

export const RESTRICTED_POD_SECURITY = defineRule({
  id: 'CG-POD-001',
  severity: Severity.ERROR,
  description: 'A pod template breaks the Pod Security Standards restricted profile',
  fix: 'Set runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities drop ALL (add at most NET_BIND_SERVICE), seccompProfile RuntimeDefault; no host namespaces, hostPath or hostPort',
  manifestLevel: true,
  kinds: ['ReplicationController', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod'],
  check(model, report) {
    for (const pod of model.podTemplates()) {
      const object = pod.object;
      const spec = pod.spec;
      const podSc = spec.securityContext ?? {};
      for (const key of ['hostNetwork', 'hostPID', 'hostIPC'] as const) {
        if (spec[key] === true) report({ object, field: `${pod.specPath}.${key}`, value: true, message: `${key} must be false or unset` });
      }
      listOf(spec.volumes).forEach((volume: any, i: number) => {
        if (!isObject(volume)) return;
        const type = Object.keys(volume).find((k) => k !== 'name');
        if (type && !RESTRICTED_VOLUME_TYPES.has(type)) {
          report({ object, field: `${pod.specPath}.volumes[${i}].${type}`, value: volume.name, message: `volume type ${type} is not allowed; allowed: ${[...RESTRICTED_VOLUME_TYPES].join(', ')}` });
        }
      });
      listOf(podSc.sysctls).forEach((sysctl: any, i: number) => {
        if (!SAFE_SYSCTLS.has(sysctl?.name)) report({ object, field: `${pod.specPath}.securityContext.sysctls[${i}].name`, value: sysctl?.name, message: 'sysctl is not in the safe set' });
      });
      if (podSc.runAsUser === 0) report({ object, field: `${pod.specPath}.securityContext.runAsUser`, value: 0, message: 'runAsUser must not be 0' });
      if (podSc.seccompProfile?.type !== undefined && !ALLOWED_SECCOMP.has(podSc.seccompProfile.type)) {
        report({ object, field: `${pod.specPath}.securityContext.seccompProfile.type`, value: podSc.seccompProfile.type, message: 'seccompProfile.type must be RuntimeDefault or Localhost' });
      }
      for (const { container, path } of containersOf(pod)) {
        const sc = container.securityContext ?? {};
        const at = `${path}.securityContext`;
        if (sc.privileged === true) report({ object, field: `${at}.privileged`, value: true, message: 'privileged containers are not allowed' });
        if (sc.allowPrivilegeEscalation !== false) {
          report({ object, field: `${at}.allowPrivilegeEscalation`, value: sc.allowPrivilegeEscalation, message: 'allowPrivilegeEscalation must be set to false' });
        }
        const runAsNonRoot = sc.runAsNonRoot ?? podSc.runAsNonRoot;
        if (runAsNonRoot !== true) report({ object, field: `${at}.runAsNonRoot`, value: runAsNonRoot, message: 'runAsNonRoot must be true (on the container or the pod)' });
        if (sc.runAsUser === 0) report({ object, field: `${at}.runAsUser`, value: 0, message: 'runAsUser must not be 0' });
        const seccomp = sc.seccompProfile?.type ?? podSc.seccompProfile?.type;
        if (!ALLOWED_SECCOMP.has(seccomp)) {
          report({ object, field: `${at}.seccompProfile.type`, value: seccomp, message: 'seccompProfile.type must be RuntimeDefault or Localhost (on the container or the pod)' });
        }
        const drop: string[] = listOf(sc.capabilities?.drop);
        if (!drop.includes('ALL')) report({ object, field: `${at}.capabilities.drop`, value: drop, message: 'capabilities must drop ALL' });
        const added = listOf(sc.capabilities?.add).filter((c: string) => c !== 'NET_BIND_SERVICE');
        if (added.length) report({ object, field: `${at}.capabilities.add`, value: sc.capabilities.add, message: 'only NET_BIND_SERVICE may be added' });
        listOf(container.ports).forEach((port: any, i: number) => {
          if (isObject(port) && port.hostPort) report({ object, field: `${path}.ports[${i}].hostPort`, value: port.hostPort, message: 'hostPort must be unset or 0' });
        });
        if (sc.procMount !== undefined && sc.procMount !== 'Default') {
          report({ object, field: `${at}.procMount`, value: sc.procMount, message: 'procMount must be Default' });
        }
      }
    }
  },
});
