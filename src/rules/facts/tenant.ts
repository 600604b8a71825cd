import { ANNOTATION_ALLOWED_CLASSES, ANNOTATION_ALLOWED_HOSTS, decodeList, LABEL_TENANT } from '../../core/manifest-contract';
import { ClusterModel, ManifestObject } from '../model';

/** What a Namespace allows its Ingresses, read from its annotations (written by `Tenant`, or by hand for `lint`). */
export interface TenantAllowance {
  readonly namespace: ManifestObject;
  /** The tenant's name: its `gateways.cdk8s.io/tenant` label, else the namespace name. */
  readonly tenant: string;
  /** Allowed hosts; undefined when the namespace records no host allowance. */
  readonly hosts?: string[];
  /** Allowed IngressClasses; undefined when the namespace records no class allowance. */
  readonly classes?: string[];
}

/** Namespaces that record an allowance, by name. */
export function tenantAllowances(model: ClusterModel): Map<string, TenantAllowance> {
  const result = new Map<string, TenantAllowance>();
  for (const ns of model.ofKind('Namespace')) {
    const annotations = ns.annotations;
    const hasHosts = Object.prototype.hasOwnProperty.call(annotations, ANNOTATION_ALLOWED_HOSTS);
    const hasClasses = Object.prototype.hasOwnProperty.call(annotations, ANNOTATION_ALLOWED_CLASSES);
    if (!hasHosts && !hasClasses) continue;
    result.set(ns.name, {
      namespace: ns,
      tenant: ns.labels[LABEL_TENANT] ?? ns.name,
      hosts: hasHosts ? decodeList(String(annotations[ANNOTATION_ALLOWED_HOSTS])) : undefined,
      classes: hasClasses ? decodeList(String(annotations[ANNOTATION_ALLOWED_CLASSES])) : undefined,
    });
  }
  return result;
}

/** `tenant "shop" (namespace shop)`, or `tenant "shop"` when both are the same. */
export function tenantRef(allowance: TenantAllowance): string {
  return allowance.tenant === allowance.namespace.name
    ? `tenant "${allowance.tenant}"`
    : `tenant "${allowance.tenant}" (namespace ${allowance.namespace.name})`;
}

/** How a list reads in a message: `a, b` or `none`. */
export function listed(values: readonly string[]): string {
  return values.length > 0 ? values.join(', ') : 'none';
}
