/**
 * The user path (issue 14): the app written the way the README and `examples/multi-tenant` show it, not the
 * lighter path of `library.ts` (which writes each Certificate and NetworkPolicy by hand).
 *
 * One `PublicWebGateway` (ingress-nginx, the default class) with a Let's Encrypt `AcmeIssuer`; 100 `Tenant`s,
 * each allowed `*.<namespace>.example.com` and the gateway; per tenant the app Deployment; per route an L1
 * `KubeService` and `tenant.addRoute(...)` with a `tlsSecretName`, from which the library derives the Ingress,
 * the Certificate and the NetworkPolicy allowance. Rules on (the default) unless `rulesEnabled` is false.
 */
import { App } from 'cdk8s';
import { IngressController } from '../../src';
import { RouteSpec } from '../workload';
import { buildUserApp } from './user-app';

export function build(app: App, routes: RouteSpec[], rulesEnabled = true): void {
  buildUserApp(app, routes, { gateway: { controller: IngressController.nginx(), defaultClass: true } }, rulesEnabled);
}
