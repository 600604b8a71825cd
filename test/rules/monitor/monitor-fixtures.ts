import { deployment, Manifest, merge, service } from '../../util/manifests';

/** An app `api` in namespace `apps`: pods app=api with ports http 8080 and metrics 9090, a metrics Service labelled for scraping. */
export function scrapedApp(): Manifest[] {
  return [
    deployment({ name: 'api', namespace: 'apps', ports: [{ name: 'http', containerPort: 8080 }, { name: 'metrics', containerPort: 9090 }] }),
    service({ name: 'api-metrics', namespace: 'apps', selector: { app: 'api' }, labels: { app: 'api', scrape: 'true' }, ports: [{ name: 'metrics', port: 9090, targetPort: 'metrics' }] }),
  ];
}

/** A ServiceMonitor in `apps` for Services labelled scrape=true, port `metrics`. `override` is deep-merged. */
export function serviceMonitor(override: any = {}): Manifest {
  return merge({
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'ServiceMonitor',
    metadata: { name: 'api', namespace: 'apps' },
    spec: { selector: { matchLabels: { scrape: 'true' } }, endpoints: [{ port: 'metrics', path: '/metrics' }] },
  }, override);
}

/** A PodMonitor in `apps` for pods app=api, port `metrics`. `override` is deep-merged. */
export function podMonitor(override: any = {}): Manifest {
  return merge({
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PodMonitor',
    metadata: { name: 'api', namespace: 'apps' },
    spec: { selector: { matchLabels: { app: 'api' } }, podMetricsEndpoints: [{ port: 'metrics' }] },
  }, override);
}
