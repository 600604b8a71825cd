import { MONITOR_KINDS, monitorSelections, portNameExists } from '../facts/monitor';
import { WORKLOAD_KINDS } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const MONITOR_PORT_MISSING = defineRule({
  id: 'CG-MONITOR-002',
  severity: Severity.ERROR,
  description: 'A ServiceMonitor or PodMonitor endpoint scrapes a port name that none of the Services (or pods) it selects has, so the operator generates no target for it',
  fix: 'Name the port as the selected Service names it in spec.ports[].name (ServiceMonitor) or as the container names it in ports[].name (PodMonitor)',
  manifestLevel: true,
  kinds: [...MONITOR_KINDS, 'Service', ...WORKLOAD_KINDS],
  check(model, report) {
    for (const selection of monitorSelections(model)) {
      const isServiceMonitor = selection.monitor.kind === 'ServiceMonitor';
      // Nothing selected is CG-MONITOR-001's finding; there is no port list to compare with.
      if (isServiceMonitor ? selection.services.length === 0 : selection.pods.length === 0) continue;
      for (const endpoint of selection.endpoints) {
        if (endpoint.port === undefined || portNameExists(selection, endpoint.port)) continue;
        const names = isServiceMonitor
          ? selection.services.map((s) => `Service ${s.name}: ${portNames(s.json.spec?.ports)}`)
          : selection.pods.map((p) => `${p.object.ref}: ${portNames(p.spec.containers?.flatMap((c: any) => c?.ports ?? []))}`);
        report({
          object: selection.monitor,
          field: endpoint.field,
          value: endpoint.port,
          message: `no selected ${isServiceMonitor ? 'Service' : 'pod'} has a port named "${endpoint.port}" (${names.join('; ')})`,
        });
      }
    }
  },
});

function portNames(ports: unknown): string {
  const names = (Array.isArray(ports) ? ports : []).map((p: any) => p?.name).filter((n: unknown) => typeof n === 'string');
  return names.length > 0 ? names.map((n: string) => `"${n}"`).join(', ') : 'no named ports';
}
