/**
 * AWS error messages can quote what was signed (SignatureDoesNotMatch prints the string to sign, with the
 * access key id in its credential scope). Everything this library writes to history or logs goes through
 * this first.
 */
const ACCESS_KEY_ID = /\b(AKIA|ASIA|AIDA|AROA|ANPA|ANVA|AGPA|AIPA)[A-Z0-9]{12,}\b/g;
const SIGNATURE = /\b(Signature=)[0-9a-f]{64}\b/gi;
const SECURITY_TOKEN = /\b(X-Amz-Security-Token[=:]\s*)[^\s&,]+/gi;

export function redactCredentials(text: string): string {
  return text
    .replace(ACCESS_KEY_ID, '$1****************')
    .replace(SIGNATURE, '$1<redacted>')
    .replace(SECURITY_TOKEN, '$1<redacted>');
}
