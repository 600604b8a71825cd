/**
 * The syntax checks the rules use. They live in the validator module (`src/core/validation`), shared by constructs
 * and rules; this file re-exports them under their established names so existing imports keep working.
 */
export {
  checkControllerValue,
  checkDns1035Label,
  checkDns1123Label,
  checkDns1123Subdomain,
  checkIngressHost,
  checkIngressPath,
  checkPortName,
  checkPortNumber,
  checkQualifiedName,
  checkTlsHost,
  isIpAddress,
} from '../core/validation';
