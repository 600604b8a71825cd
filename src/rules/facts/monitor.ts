import { ANNOTATION_PROMETHEUS_NAMESPACE, DEFAULT_MONITORING_NAMESPACE, LABEL_NAME } from '../../core/manifest-contract';
import {
  ClusterModel, containerPortOn, containerPortsOf, groupBy, isObject, labelSelectorMatches, labelsMatch, listOf, ManifestObject, PodTemplateRef,
  serviceTargetPort,
} from '../model';

/** The kinds of the prometheus-operator scrape configurations the monitor rules check. */
export const MONITOR_KINDS = ['ServiceMonitor', 'PodMonitor'];

/**
 * Labels assumed on the Prometheus pods when a NetworkPolicy peer selects pods in the Prometheus namespace: those the
 * prometheus-operator sets on every Prometheus it runs.
 */
export const PROMETHEUS_POD_LABELS: Record<string, string> = { [LABEL_NAME]: 'prometheus' };

/** One scrape endpoint of a monitor: its JSON path and the port name it scrapes. */
export interface MonitorEndpoint {
  readonly field: string;
  readonly port?: string;
}

/** A container port a scrape lands on: the pod, and the port's number and name where known. */
export interface ScrapeTarget {
  readonly pod: PodTemplateRef;
  readonly port?: number;
  readonly portName?: string;
}

/** A ServiceMonitor or PodMonitor with what it selects in the manifests. */
export interface MonitorSelection {
  readonly monitor: ManifestObject;
  /** Namespaces it looks in; undefined for every namespace (`namespaceSelector.any`). */
  readonly namespaces?: string[];
  /** Selected Services (ServiceMonitor only). */
  readonly services: ManifestObject[];
  /** Selected pods: directly (PodMonitor), or behind the selected Services (ServiceMonitor). */
  readonly pods: PodTemplateRef[];
  readonly endpoints: MonitorEndpoint[];
  /** Namespace of the Prometheus that scrapes it (annotation, else `monitoring`). */
  readonly prometheusNamespace: string;
}

/** Selections per model: the three monitor rules share one computation. */
const SELECTIONS = new WeakMap<ClusterModel, MonitorSelection[]>();

/** Every monitor of the model with what it selects. */
export function monitorSelections(model: ClusterModel): MonitorSelection[] {
  let selections = SELECTIONS.get(model);
  if (!selections) {
    selections = computeSelections(model);
    SELECTIONS.set(model, selections);
  }
  return selections;
}

function computeSelections(model: ClusterModel): MonitorSelection[] {
  const monitors = model.ofKind(...MONITOR_KINDS);
  if (monitors.length === 0) return [];
  const servicesByNs = groupBy(model.ofKind('Service'), (s) => s.namespace!);
  const podsByNs = groupBy(model.podTemplates(), (p) => p.object.namespace!);
  const inNamespaces = <T>(index: Map<string, T[]>, namespaces: string[] | undefined): T[] =>
    (namespaces ?? [...index.keys()]).flatMap((ns) => index.get(ns) ?? []);

  return monitors.map((monitor) => {
    const spec = isObject(monitor.json.spec) ? monitor.json.spec : {};
    const nsSelector = isObject(spec.namespaceSelector) ? spec.namespaceSelector : {};
    const namespaces = nsSelector.any === true ? undefined
      : (listOf(nsSelector.matchNames).length > 0 ? listOf(nsSelector.matchNames).map(String) : [monitor.namespace!]);
    const selector = isObject(spec.selector) ? spec.selector : {};
    const isServiceMonitor = monitor.kind === 'ServiceMonitor';
    const services = isServiceMonitor ? inNamespaces(servicesByNs, namespaces).filter((s) => labelSelectorMatches(selector, s.labels)) : [];
    const pods = isServiceMonitor
      ? services.flatMap((s) => podsBehind(s, podsByNs))
      : inNamespaces(podsByNs, namespaces).filter((p) => labelSelectorMatches(selector, p.labels));
    const endpointsKey = isServiceMonitor ? 'endpoints' : 'podMetricsEndpoints';
    const endpoints = listOf(spec[endpointsKey]).map((e, i) => ({
      field: `spec.${endpointsKey}[${i}].port`,
      port: isObject(e) && typeof e.port === 'string' ? e.port : undefined,
    }));
    const annotated = monitor.annotations[ANNOTATION_PROMETHEUS_NAMESPACE];
    return { monitor, namespaces, services, pods, endpoints, prometheusNamespace: annotated ? String(annotated) : DEFAULT_MONITORING_NAMESPACE };
  });
}

/** The pods a Service selects in its namespace (none for a Service without a selector). */
function podsBehind(service: ManifestObject, podsByNs: Map<string, PodTemplateRef[]>): PodTemplateRef[] {
  const selector = service.json.spec?.selector;
  if (!isObject(selector) || Object.keys(selector).length === 0) return [];
  return (podsByNs.get(service.namespace!) ?? []).filter((p) => labelsMatch(selector as Record<string, string>, p.labels));
}

/** Whether the monitor endpoint's port name exists where the monitor looks (Service ports, or container ports). */
export function portNameExists(selection: MonitorSelection, port: string): boolean {
  if (selection.monitor.kind === 'ServiceMonitor') {
    return selection.services.some((s) => listOf(s.json.spec?.ports).some((p) => isObject(p) && p.name === port));
  }
  return selection.pods.some((pod) => containerPortsOf(pod).some((p) => p.name === port));
}

/** The container ports a scrape of `port` lands on, per selected pod. */
export function scrapeTargets(selection: MonitorSelection, port: string): ScrapeTarget[] {
  const resolve = (pod: PodTemplateRef, target: number | string): ScrapeTarget => {
    const landed = containerPortOn(pod, target);
    return { pod, port: landed.number, portName: landed.name };
  };
  if (selection.monitor.kind === 'PodMonitor') return selection.pods.map((pod) => resolve(pod, port));
  const targets: ScrapeTarget[] = [];
  for (const service of selection.services) {
    const target = serviceTargetPort(service, { name: port });
    if (target === undefined) continue;
    const selector = service.json.spec?.selector;
    for (const pod of selection.pods) {
      if (pod.object.namespace === service.namespace && isObject(selector) && labelsMatch(selector as Record<string, string>, pod.labels)) {
        targets.push(resolve(pod, target));
      }
    }
  }
  return targets;
}
