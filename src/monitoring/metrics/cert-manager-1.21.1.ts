import { MetricCatalog } from './metric-catalog';

/** cert-manager v1.21.1's certificate series (controller metrics port), labelled `name`, `namespace` and issuer. */
export const CERT_MANAGER_1_21_1_METRICS: MetricCatalog = {
  component: 'cert-manager',
  version: 'v1.21.1',
  sources: ['github.com/cert-manager/cert-manager@v1.21.1 internal/collectors/certificate_collector.go'],
  names: [
    'certmanager_certificate_ready_status',
    'certmanager_certificate_not_after_timestamp_seconds',
    'certmanager_certificate_not_before_timestamp_seconds',
    'certmanager_certificate_expiration_timestamp_seconds',
    'certmanager_certificate_renewal_timestamp_seconds',
  ],
};
