import { controllerWorkloads } from '../facts/known-controllers';
import { containersOf, listOf, ManifestObject, PodTemplateRef } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

const FLAG = '--election-id=';

/** The election id of a controller pod and the JSON path of the argument that sets it. */
function electionIdOf(pod: PodTemplateRef): { id: string; field: string } | undefined {
  for (const { container, path } of containersOf(pod)) {
    const args = listOf(container.args);
    const i = args.findIndex((a) => String(a).startsWith(FLAG));
    if (i !== -1) return { id: String(args[i]).slice(FLAG.length), field: `${path}.args[${i}]` };
  }
  return undefined;
}

export const DUPLICATE_ELECTION_ID = defineRule({
  id: 'CG-GATEWAY-002',
  severity: Severity.ERROR,
  description: 'Two ingress controller workloads in one namespace use the same --election-id, so they fight over one leader Lease',
  fix: 'Give each controller its own election id (the library derives it from the class name: <class>-ingress-nginx-leader)',
  manifestLevel: true,
  kinds: ['ReplicationController', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod'],
  check(model, report) {
    const first = new Map<string, ManifestObject>();
    for (const { pod } of controllerWorkloads(model)) {
      const election = electionIdOf(pod);
      if (!election) continue;
      const { id, field } = election;
      const key = `${pod.object.namespace}\u0000${id}`;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, pod.object);
        continue;
      }
      if (earlier === pod.object) continue;
      report({
        object: pod.object,
        field,
        value: `--election-id=${id}`,
        message: `${pod.object.refWithLocation} and ${earlier.refWithLocation} both lead-elect on Lease "${id}" in namespace "${pod.object.namespace}"; only one of them updates Ingress status`,
      });
    }
  },
});
