import { INVALID_CONTROLLER_VALUE } from './class/invalid-controller';
import { INVALID_CLASS_PARAMETERS } from './class/invalid-parameters';
import { MULTIPLE_DEFAULT_CLASSES } from './class/multiple-defaults';
import { AGIC_CLASS_MISMATCH } from './controller/agic-class-mismatch';
import { ALB_DUALSTACK_WITHOUT_PUBLIC_IPV4_INTERNAL } from './controller/alb-dualstack-internal';
import { ALB_INSTANCE_TARGETS_CLUSTER_IP } from './controller/alb-instance-targets';
import { MISSING_DISRUPTION_BUDGET } from './controller/missing-disruption-budget';
import { RETIRED_CONTROLLER } from './controller/retired-controller';
import { SNIPPETS_ALLOWED } from './controller/snippets-allowed';
import { TOO_FEW_CONTROLLER_REPLICAS } from './controller/too-few-replicas';
import { DUPLICATE_ELECTION_ID } from './gateway/duplicate-election-id';
import { EDGE_SETTINGS_GAP } from './gateway/edge-settings-gap';
import { INTERNAL_API_EXPOSED } from './gateway/internal-api-exposure';
import { SHARED_CONTROLLER_VALUE } from './gateway/shared-controller-value';
import { UNSUPPORTED_ROUTE_OPTION } from './gateway/unsupported-route-option';
import { BACKEND_CA_MISSING } from './gwapi/backend-ca-missing';
import { BACKEND_REF_NOT_GRANTED } from './gwapi/backend-ref-not-granted';
import { CERTIFICATE_REF_NOT_GRANTED } from './gwapi/certificate-ref-not-granted';
import { CERTIFICATE_SECRET_MISSING } from './gwapi/certificate-secret-missing';
import { CLIENT_CERTIFICATE_GAP } from './gwapi/client-certificate-gap';
import { CONFLICTING_LISTENERS } from './gwapi/conflicting-listeners';
import { ENVOY_PROXY_NOT_HIGHLY_AVAILABLE } from './gwapi/envoy-proxy-availability';
import { ROUTE_HOSTNAME_MISMATCH } from './gwapi/hostname-mismatch';
import { LISTENER_SET_NOT_ALLOWED } from './gwapi/listener-set-not-allowed';
import { MISSING_PARENT } from './gwapi/missing-parent';
import { ROUTE_NOT_ALLOWED } from './gwapi/route-not-allowed';
import { TENANT_ON_OPEN_LISTENER } from './gwapi/tenant-on-open-listener';
import { TOO_MANY_LISTENERS } from './gwapi/too-many-listeners';
import { TRAEFIK_CLASS_UNSELECTED } from './gwapi/traefik-class-unselected';
import { TRAEFIK_LISTENER_SET } from './gwapi/traefik-listener-set';
import { TRAEFIK_LISTENER_WITHOUT_ENTRY_POINT } from './gwapi/traefik-listener-without-entry-point';
import { CLASS_FIELD_AND_ANNOTATION } from './ingress/class-conflict';
import { DUPLICATE_ROUTE } from './ingress/duplicate-route';
import { INGRESS_WITHOUT_CLASS } from './ingress/ingress-without-class';
import { INVALID_INGRESS_BACKEND } from './ingress/invalid-backend';
import { INVALID_INGRESS_HOST } from './ingress/invalid-host';
import { INVALID_INGRESS_PATH } from './ingress/invalid-path';
import { LEGACY_CLASS_ANNOTATION } from './ingress/legacy-class-annotation';
import { MISSING_BACKEND_PORT } from './ingress/missing-backend-port';
import { MISSING_BACKEND_SERVICE } from './ingress/missing-backend-service';
import { NGINX_STRICT_PATH_TYPE } from './ingress/nginx-strict-path';
import { REMOVED_INGRESS_API } from './ingress/removed-api-version';
import { SNIPPET_ANNOTATION } from './ingress/snippet-annotation';
import { INVALID_TLS_SECRET_NAME } from './ingress/tls-secret-name';
import { TLS_WITHOUT_SECRET } from './ingress/tls-without-secret';
import { UNDEFINED_INGRESS_CLASS } from './ingress/undefined-class';
import { INVALID_INPUT } from './input/invalid-input';
import { DUPLICATE_OBJECT } from './meta/duplicate-object';
import { INVALID_OBJECT_NAME } from './meta/invalid-object-name';
import { invalidSuppression } from './meta/invalid-suppression';
import { RULE_CRASHED } from './meta/rule-crashed';
import { MONITOR_PORT_MISSING } from './monitor/monitor-port-missing';
import { MONITOR_SELECTS_NOTHING } from './monitor/monitor-selects-nothing';
import { MONITOR_TARGET_BLOCKED } from './monitor/monitor-target-blocked';
import { DANGLING_PEER_SELECTOR } from './netpol/dangling-peer-selector';
import { POLICY_SELECTS_NOTHING } from './netpol/policy-selects-nothing';
import { UNREACHABLE_BACKEND } from './netpol/unreachable-backend';
import { BLOCKED_EVICTION } from './pdb/blocked-eviction';
import { MISSING_RESOURCES } from './pod/missing-resources';
import { RESTRICTED_POD_SECURITY } from './pod/restricted-pod-security';
import { UNPINNED_IMAGE } from './pod/unpinned-image';
import { INVALID_PORT } from './port/invalid-port';
import { Rule } from './rule';
import { RuleInfo } from './rule-info';
import { CLASS_OUTSIDE_TENANT } from './tenant/class-outside-tenant';
import { HOST_OUTSIDE_TENANT } from './tenant/host-outside-tenant';
import { ACME_NAME_WITHOUT_SOLVER } from './tls/acme-name-without-solver';
import { CERTIFICATE_WITHOUT_IDENTITY } from './tls/certificate-without-identity';
import { COMMON_NAME_TOO_LONG } from './tls/common-name-too-long';
import { DURATION_TOO_SHORT } from './tls/duration-too-short';
import { HTTP01_SOLVER_UNREACHABLE } from './tls/http01-solver-unreachable';
import { INVALID_ISSUER_KIND } from './tls/invalid-issuer-kind';
import { INVALID_KEY_SIZE } from './tls/invalid-key-size';
import { INVALID_RENEW_BEFORE } from './tls/invalid-renew-before';
import { PLAIN_HTTP_ON_PUBLIC_WEB } from './tls/plain-http-public-web';
import { PUBLIC_WEB_HARDENING_GAP } from './tls/public-web-hardening-gap';
import { PUBLIC_WEB_LIMITS_GAP } from './tls/public-web-limits-gap';
import { SHARED_TLS_SECRET } from './tls/shared-tls-secret';
import { UNCOVERED_TLS_HOST } from './tls/uncovered-tls-host';
import { UNUSED_CERTIFICATE } from './tls/unused-certificate';

/** Every rule, in the order findings are reported. Add a rule: write its file, then list it here. */
export const ALL_RULES: readonly Rule[] = [
  INVALID_INPUT,
  invalidSuppression(() => knownRuleIds()),
  INVALID_OBJECT_NAME,
  RULE_CRASHED,
  REMOVED_INGRESS_API,
  INVALID_INGRESS_HOST,
  INVALID_INGRESS_PATH,
  NGINX_STRICT_PATH_TYPE,
  INVALID_INGRESS_BACKEND,
  MISSING_BACKEND_SERVICE,
  MISSING_BACKEND_PORT,
  UNDEFINED_INGRESS_CLASS,
  DUPLICATE_ROUTE,
  LEGACY_CLASS_ANNOTATION,
  CLASS_FIELD_AND_ANNOTATION,
  SNIPPET_ANNOTATION,
  TLS_WITHOUT_SECRET,
  INVALID_TLS_SECRET_NAME,
  MULTIPLE_DEFAULT_CLASSES,
  INVALID_CONTROLLER_VALUE,
  INVALID_CLASS_PARAMETERS,
  RESTRICTED_POD_SECURITY,
  MISSING_RESOURCES,
  UNPINNED_IMAGE,
  INVALID_PORT,
  TOO_FEW_CONTROLLER_REPLICAS,
  MISSING_DISRUPTION_BUDGET,
  BLOCKED_EVICTION,
  RETIRED_CONTROLLER,
  SNIPPETS_ALLOWED,
  AGIC_CLASS_MISMATCH,
  ALB_DUALSTACK_WITHOUT_PUBLIC_IPV4_INTERNAL,
  ALB_INSTANCE_TARGETS_CLUSTER_IP,
  UNREACHABLE_BACKEND,
  INGRESS_WITHOUT_CLASS,
  DUPLICATE_OBJECT,
  SHARED_CONTROLLER_VALUE,
  DUPLICATE_ELECTION_ID,
  UNSUPPORTED_ROUTE_OPTION,
  POLICY_SELECTS_NOTHING,
  DANGLING_PEER_SELECTOR,
  HOST_OUTSIDE_TENANT,
  CLASS_OUTSIDE_TENANT,
  CERTIFICATE_WITHOUT_IDENTITY,
  COMMON_NAME_TOO_LONG,
  DURATION_TOO_SHORT,
  INVALID_RENEW_BEFORE,
  INVALID_KEY_SIZE,
  INVALID_ISSUER_KIND,
  ACME_NAME_WITHOUT_SOLVER,
  SHARED_TLS_SECRET,
  UNCOVERED_TLS_HOST,
  UNUSED_CERTIFICATE,
  PLAIN_HTTP_ON_PUBLIC_WEB,
  PUBLIC_WEB_HARDENING_GAP,
  PUBLIC_WEB_LIMITS_GAP,
  HTTP01_SOLVER_UNREACHABLE,
  INTERNAL_API_EXPOSED,
  EDGE_SETTINGS_GAP,
  MONITOR_SELECTS_NOTHING,
  MONITOR_PORT_MISSING,
  MONITOR_TARGET_BLOCKED,
  CONFLICTING_LISTENERS,
  ROUTE_HOSTNAME_MISMATCH,
  MISSING_PARENT,
  ROUTE_NOT_ALLOWED,
  BACKEND_REF_NOT_GRANTED,
  CERTIFICATE_REF_NOT_GRANTED,
  CERTIFICATE_SECRET_MISSING,
  BACKEND_CA_MISSING,
  LISTENER_SET_NOT_ALLOWED,
  TENANT_ON_OPEN_LISTENER,
  TOO_MANY_LISTENERS,
  ENVOY_PROXY_NOT_HIGHLY_AVAILABLE,
  TRAEFIK_LISTENER_WITHOUT_ENTRY_POINT,
  TRAEFIK_LISTENER_SET,
  TRAEFIK_CLASS_UNSELECTED,
  CLIENT_CERTIFICATE_GAP,
];

let ids: ReadonlySet<string> | undefined;
function knownRuleIds(): ReadonlySet<string> {
  ids ??= new Set(ALL_RULES.map((r) => r.id));
  return ids;
}

/** The rule catalogue: every rule this library applies, for documentation and tooling. */
export class RuleCatalogue {
  /** Every rule, in report order. */
  public static all(): RuleInfo[] {
    return ALL_RULES.map(({ id, severity, description, fix, manifestLevel }) => ({ id, severity, description, fix, manifestLevel }));
  }

  /** True when a rule with this ID exists. */
  public static has(ruleId: string): boolean {
    return knownRuleIds().has(ruleId);
  }

  private constructor() {}
}
