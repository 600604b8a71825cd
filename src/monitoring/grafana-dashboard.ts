import {
  backendsWithoutReadyEndpoints, certificateSeries, CLASS_LABEL, CONTROLLER_LABEL, ControllerMetricsProfile, RATE_WINDOW,
} from './controller-metrics-profile';

/** One dashboard panel: a title, a unit and the PromQL it plots. */
export interface DashboardPanel {
  readonly title: string;
  readonly unit: string;
  readonly expr: string;
  readonly legend: string;
}

/** The panels of one controller kind's dashboard, from the same queries as the alerts. `$class` is the class variable. */
export function dashboardPanels(profile: ControllerMetricsProfile): DashboardPanel[] {
  const cls = `${CLASS_LABEL}=~"$class"`;
  const host = profile.hostLabel;
  const byClass = [CLASS_LABEL];
  const byHost = [CLASS_LABEL, host];
  const panels: DashboardPanel[] = [
    { title: 'Controllers up', unit: 'none', expr: `sum by (${CLASS_LABEL}) (up{${cls}, endpoint="${profile.healthPort}"})`, legend: `{{${CLASS_LABEL}}}` },
    { title: 'Requests per class', unit: 'reqps', expr: profile.classRequests(cls, byClass), legend: `{{${CLASS_LABEL}}}` },
    { title: '5xx ratio per class', unit: 'percentunit', expr: `${profile.classServerErrors(cls, byClass)} / ${profile.classRequests(cls, byClass)}`, legend: `{{${CLASS_LABEL}}}` },
    { title: `Requests per ${host}`, unit: 'reqps', expr: profile.hostRequests(cls, byHost), legend: `{{${CLASS_LABEL}}} {{${host}}}` },
    { title: `5xx ratio per ${host}`, unit: 'percentunit', expr: `${profile.hostServerErrors(cls, byHost)} / ${profile.hostRequests(cls, byHost)}`, legend: `{{${CLASS_LABEL}}} {{${host}}}` },
    {
      title: profile.latencyIsP99 ? `p99 latency per ${host}` : `Average latency per ${host} (last 1024 requests)`,
      unit: 's',
      expr: profile.hostLatency(cls, byHost),
      legend: `{{${CLASS_LABEL}}} {{${host}}}`,
    },
  ];
  if (profile.reloadFailures) {
    panels.push({ title: 'Failing configuration reloads', unit: 'none', expr: profile.reloadFailures(cls), legend: `{{${CLASS_LABEL}}} {{pod}}` });
  }
  panels.push(
    {
      title: 'Backend Services without a ready endpoint',
      unit: 'none',
      expr: backendsWithoutReadyEndpoints('ingressclass=~"$class"'),
      legend: '{{namespace}}/{{service_name}}',
    },
    { title: 'Days until certificate expiry', unit: 'd', expr: `min by (namespace, name) (${certificateSeries('certmanager_certificate_expiration_timestamp_seconds', '.+', '')} - time()) / 86400`, legend: '{{namespace}}/{{name}}' },
  );
  return panels;
}

/** The selector the dashboard's class variable lists label values from. */
export function classVariableSelector(profile: ControllerMetricsProfile): string {
  return `up{${CONTROLLER_LABEL}="${profile.controllerName}"}`;
}

/**
 * The Grafana dashboard model (schema 39) of one controller kind: a data source variable, a class variable, and one
 * time series panel per `dashboardPanels` entry, two per row. Pure data, so the JSON is the same on every synth.
 */
export function grafanaDashboard(profile: ControllerMetricsProfile): object {
  const datasource = { type: 'prometheus', uid: '${datasource}' };
  const panels = dashboardPanels(profile).map((panel, i) => ({
    id: i + 1,
    type: 'timeseries',
    title: panel.title,
    datasource,
    gridPos: { h: 8, w: 12, x: (i % 2) * 12, y: Math.floor(i / 2) * 8 },
    fieldConfig: { defaults: { unit: panel.unit }, overrides: [] },
    options: { legend: { displayMode: 'table', placement: 'bottom', showLegend: true }, tooltip: { mode: 'multi', sort: 'desc' } },
    targets: [{ refId: 'A', datasource, expr: panel.expr, legendFormat: panel.legend, interval: '' }],
  }));
  return {
    uid: `cdk8s-gateways-${profile.controllerName}`,
    title: `Gateways: ${profile.title}`,
    description: `Requests, 5xx ratio and latency per IngressClass and ${profile.hostLabel}, controller health, backend readiness and certificate expiry (rate window ${RATE_WINDOW}).`,
    tags: ['cdk8s-gateways', 'ingress', profile.controllerName],
    editable: false,
    schemaVersion: 39,
    version: 1,
    refresh: '1m',
    time: { from: 'now-6h', to: 'now' },
    timezone: 'utc',
    templating: {
      list: [
        { name: 'datasource', label: 'Data source', type: 'datasource', query: 'prometheus', current: {}, hide: 0 },
        {
          name: 'class',
          label: 'IngressClass',
          type: 'query',
          datasource,
          query: { query: `label_values(${classVariableSelector(profile)}, ${CLASS_LABEL})`, refId: 'class' },
          definition: `label_values(${classVariableSelector(profile)}, ${CLASS_LABEL})`,
          multi: true,
          includeAll: true,
          refresh: 2,
          sort: 1,
          current: {},
          hide: 0,
        },
      ],
    },
    panels,
  };
}
