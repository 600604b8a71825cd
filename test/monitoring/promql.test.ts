import { promqlErrors, selectedMetrics } from './promql';
import { gatewayAlertRules } from '../../src/monitoring/gateway-alerts';
import { dashboardPanels } from '../../src/monitoring/grafana-dashboard';
import { METRICS_PROFILES } from '../../src/monitoring/profiles/metrics-profiles';

/** Every expression of a profile: all alerts (with certificate alerts) and every dashboard panel. */
function expressions(profile: (typeof METRICS_PROFILES)[number]): Array<[string, string]> {
  const alerts = gatewayAlertRules({ className: 'web', profile, certificateNamespaces: ['shop', 'web'] });
  return [
    ...alerts.map((a): [string, string] => [`alert ${a.alert}`, a.expr]),
    ...dashboardPanels(profile).map((p): [string, string] => [`panel ${p.title}`, p.expr]),
  ];
}

describe('PromQL of alerts and dashboards', () => {
  it('detects a broken expression (the check can fail)', () => {
    // GIVEN an unclosed parenthesis and a dangling operator
    // THEN both are errors, and a sound expression is not
    expect(promqlErrors('sum by (host (rate(x[5m]))')).not.toStrictEqual([]);
    expect(promqlErrors('rate(x[5m]) /')).not.toStrictEqual([]);
    expect(promqlErrors('sum by (host) (rate(x[5m]))')).toStrictEqual([]);
  });

  it('finds the metric names an expression selects, and no function or label names', () => {
    // GIVEN selectors inside functions, aggregations and binary operators
    const expr = 'sum by (a) (rate(foo_total{x="1"}[5m])) / on (a) bar > 0.5 or absent(up == 1) unless label_replace(baz, "a", "$1", "b", "(.+)") - time()';
    // THEN
    expect(selectedMetrics(expr)).toStrictEqual(['bar', 'baz', 'foo_total', 'up']);
  });

  for (const profile of METRICS_PROFILES) {
    describe(profile.controllerName, () => {
      it('parses every alert and dashboard expression', () => {
        // GIVEN every expression of the profile
        // THEN none has a syntax error
        const broken = expressions(profile).map(([where, expr]) => [where, promqlErrors(expr)]).filter(([, errors]) => errors.length > 0);
        expect(broken).toStrictEqual([]);
      });

      it('selects only metric names its pinned versions export', () => {
        // GIVEN the names of the controller, kube-state-metrics, cert-manager and Prometheus's own series
        const known = new Set(profile.catalogs.flatMap((c) => c.names));
        // THEN every selected metric is one of them
        const unknown = expressions(profile).flatMap(([where, expr]) => selectedMetrics(expr).filter((m) => !known.has(m)).map((m) => `${where}: ${m}`));
        expect(unknown).toStrictEqual([]);
        // AND each expression selects at least one metric (so the check is not vacuous)
        expect(expressions(profile).filter(([, expr]) => selectedMetrics(expr).length === 0)).toStrictEqual([]);
      });
    });
  }

  it('catalogues name their upstream source and version', () => {
    for (const profile of METRICS_PROFILES) {
      for (const catalog of profile.catalogs) {
        expect(catalog.sources.length).toBeGreaterThan(0);
        expect(new Set(catalog.names).size).toBe(catalog.names.length);
      }
    }
  });
});
