import { IConstruct } from 'constructs';
import { rejectInput, RejectedInput } from './reject-input';
import { checkCidr, IpSyntax } from '../validation';

/** A validator from `src/core/validation`: a reason when the value is rejected, undefined when it is accepted. */
export type Check<T> = (value: T) => string | undefined;

/**
 * Where a rejected prop is reported: the construct itself, or (before `super()` has run) a list that is reported
 * with `rejectInputs` once the construct exists.
 */
export type InputSink = IConstruct | RejectedInput[];

function report(sink: InputSink, field: string, value: unknown, message: string): void {
  if (Array.isArray(sink)) sink.push([field, value, message]);
  else rejectInput(sink, field, value, message);
}

/**
 * Checks one prop with `check` and reports it (CG-INPUT-001) when rejected; `what` names the value in the message
 * ("Secret name", "label key"). Unset props pass. Returns whether the value may be used.
 */
export function checkProp<T>(sink: InputSink, field: string, value: T | undefined, check: Check<T>, what: string): boolean {
  if (value === undefined) return true;
  const reason = check(value);
  if (reason === undefined) return true;
  report(sink, field, value, `${what} ${reason}`);
  return false;
}

/** Checks every entry of a list prop (`field[i]`); returns the accepted entries, so the caller carries on without the others. */
export function checkListProp<T>(sink: InputSink, field: string, values: readonly T[] | undefined, check: Check<T>, what: string): T[] | undefined {
  if (values === undefined) return undefined;
  return values.filter((value, i) => checkProp(sink, `${field}[${i}]`, value, check, what));
}

/**
 * Checks a list of CIDRs (`field[i]`) with `checkCidr` (`syntax.strict` for the controllers that parse them with Go's
 * net.ParseCIDR); each rejected entry is reported as "<what> CIDR <reason>; give an IPv4 or IPv6 address with a
 * prefix length". Returns the accepted entries. The one CIDR list check of the gateways, policies and presets.
 */
export function checkCidrListProp(sink: InputSink, field: string, cidrs: readonly string[], what: string, syntax?: IpSyntax): string[];
export function checkCidrListProp(
  sink: InputSink, field: string, cidrs: readonly string[] | undefined, what: string, syntax?: IpSyntax): string[] | undefined;
export function checkCidrListProp(
  sink: InputSink, field: string, cidrs: readonly string[] | undefined, what: string, syntax?: IpSyntax,
): string[] | undefined {
  return checkListProp(sink, field, cidrs, (cidr) => {
    const reason = checkCidr(cidr, syntax);
    return reason === undefined ? undefined : `${reason}; give an IPv4 or IPv6 address with a prefix length`;
  }, `${what} CIDR`);
}

/**
 * Checks the keys (and, with `valueCheck`, the values) of a map prop, reported as `field.key`; returns the accepted
 * entries.
 */
export function checkMapProp(
  sink: InputSink,
  field: string,
  map: { [key: string]: string } | undefined,
  keyCheck: Check<string>,
  keyWhat: string,
  valueCheck?: Check<string>,
  valueWhat?: string,
): { [key: string]: string } | undefined {
  if (map === undefined) return undefined;
  const accepted: { [key: string]: string } = {};
  for (const [key, value] of Object.entries(map)) {
    const keyOk = checkProp(sink, `${field}.${key}`, key, keyCheck, keyWhat);
    const valueOk = !keyOk || !valueCheck || checkProp(sink, `${field}.${key}`, value, valueCheck, valueWhat ?? 'value');
    if (keyOk && valueOk) accepted[key] = value;
  }
  return accepted;
}
