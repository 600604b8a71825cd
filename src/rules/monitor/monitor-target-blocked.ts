import { MONITOR_KINDS, monitorSelections, PROMETHEUS_POD_LABELS, scrapeTargets } from '../facts/monitor';
import { isolatingPolicies, policyRuleAdmits } from '../facts/network-policy';
import { PodTemplateRef, WORKLOAD_KINDS } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const MONITOR_TARGET_BLOCKED = defineRule({
  id: 'CG-MONITOR-003',
  severity: Severity.ERROR,
  description: 'NetworkPolicies isolate the pods a ServiceMonitor or PodMonitor scrapes and none admits Prometheus (its namespace, from the monitor\'s monitoring.gateways.cdk8s.io/prometheus-namespace annotation, default "monitoring") on the scraped port, so every scrape times out',
  fix: 'Admit the Prometheus namespace on the metrics port in a NetworkPolicy selecting the pods (gateways do it from their monitoringNamespace), or annotate the monitor with the namespace Prometheus runs in',
  manifestLevel: true,
  kinds: [...MONITOR_KINDS, 'Service', 'NetworkPolicy', 'Namespace', ...WORKLOAD_KINDS],
  check(model, report) {
    for (const selection of monitorSelections(model)) {
      const peer = { namespace: selection.prometheusNamespace, labels: PROMETHEUS_POD_LABELS };
      for (const endpoint of selection.endpoints) {
        if (endpoint.port === undefined) continue;
        const blocked = new Map<PodTemplateRef, string[]>();
        for (const target of scrapeTargets(selection, endpoint.port)) {
          const namespace = target.pod.object.namespace!;
          const policies = isolatingPolicies(model, namespace, target.pod.labels, 'Ingress');
          if (policies.length === 0) continue;
          // An unknown port number can still be admitted by name.
          const admitted = policies.some((policy) => (policy.json.spec?.ingress ?? []).some((rule: any) =>
            policyRuleAdmits(model, rule, 'from', namespace, peer, target.port, target.portName)));
          if (!admitted) blocked.set(target.pod, policies.map((p) => p.name));
        }
        if (blocked.size === 0) continue;
        const [pod, policies] = [...blocked.entries()][0];
        report({
          object: selection.monitor,
          field: endpoint.field,
          value: endpoint.port,
          message: `NetworkPolicy ${policies.join(', ')} isolates ${pod.object.ref} and none admits Prometheus from namespace ${selection.prometheusNamespace} on port "${endpoint.port}"`,
        });
      }
    }
  },
});
