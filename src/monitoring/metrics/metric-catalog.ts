/**
 * The metric names one component exports at a pinned version, read from its upstream source. Alerts and dashboards
 * may only use names listed here, so a query can not silently refer to a series that never exists.
 */
export interface MetricCatalog {
  /** The component, for example `ingress-nginx`. */
  readonly component: string;
  /** The pinned version the names were read at. */
  readonly version: string;
  /** Upstream files the names come from (repository, tag and path). */
  readonly sources: readonly string[];
  /**
   * Every exported series name. Histograms are listed with their `_bucket`, `_sum` and `_count` series, which is
   * what a query selects.
   */
  readonly names: readonly string[];
}

/** The three series of a Prometheus histogram. */
export function histogram(name: string): string[] {
  return [`${name}_bucket`, `${name}_sum`, `${name}_count`];
}

/** Series Prometheus itself writes for every scrape target (not exported by any component). */
export const PROMETHEUS_SCRAPE_METRICS: MetricCatalog = {
  component: 'prometheus',
  version: 'any',
  sources: ['https://prometheus.io/docs/concepts/jobs_instances/#automatically-generated-labels-and-time-series'],
  names: ['up', 'scrape_duration_seconds', 'scrape_samples_scraped'],
};
