import { MONITOR_KINDS, monitorSelections } from '../facts/monitor';
import { WORKLOAD_KINDS } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const MONITOR_SELECTS_NOTHING = defineRule({
  id: 'CG-MONITOR-001',
  severity: Severity.WARNING,
  description: 'A ServiceMonitor or PodMonitor selects no Service (or pods) in the namespaces it looks in, so Prometheus scrapes nothing and alerts on its metrics stay silent',
  fix: 'Make spec.selector match the labels of the metrics Service (ServiceMonitor) or of the pod template (PodMonitor), and spec.namespaceSelector name its namespace',
  manifestLevel: true,
  kinds: [...MONITOR_KINDS, 'Service', ...WORKLOAD_KINDS],
  check(model, report) {
    for (const selection of monitorSelections(model)) {
      const isServiceMonitor = selection.monitor.kind === 'ServiceMonitor';
      if (isServiceMonitor ? selection.services.length > 0 : selection.pods.length > 0) continue;
      const where = selection.namespaces ? `namespace(s) ${selection.namespaces.join(', ')}` : 'any namespace';
      report({
        object: selection.monitor,
        field: 'spec.selector',
        value: selection.monitor.json.spec?.selector,
        message: `the selector matches no ${isServiceMonitor ? 'Service' : 'pod template'} in ${where} of these manifests`,
      });
    }
  },
});
