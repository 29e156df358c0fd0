/**
 * AWS error messages can quote what was signed (SignatureDoesNotMatch prints the string to sign, with the
 * access key id in its credential scope), and a proxy or a misconfigured endpoint can echo anything. Everything
 * this library writes to history or logs goes through this first: known credential shapes by pattern, and
 * the credential values the caller holds (`secrets`) wherever they appear, whole or as a piece of
 * `SECRET_PIECE_LENGTH` characters or more.
 */
const ACCESS_KEY_ID = /\b(AKIA|ASIA|AIDA|AROA|ANPA|ANVA|AGPA|AIPA)[A-Z0-9]{12,}\b/g;
const SIGNATURE = /\b(Signature=)[0-9a-f]{64}\b/gi;
const SECURITY_TOKEN = /\b(X-Amz-Security-Token[=:]\s*)[^\s&,]+/gi;

/** A run of this many characters of a secret is redacted: shorter runs are too likely to be ordinary text. */
export const SECRET_PIECE_LENGTH = 8;

/** Every piece of `secret` of SECRET_PIECE_LENGTH characters, longest matches first once merged below. */
function redactSecret(text: string, secret: string): string {
  if (secret.length < SECRET_PIECE_LENGTH) return text;
  const covered = new Array<boolean>(text.length).fill(false);
  for (let start = 0; start + SECRET_PIECE_LENGTH <= secret.length; start++) {
    const piece = secret.slice(start, start + SECRET_PIECE_LENGTH);
    for (let at = text.indexOf(piece); at !== -1; at = text.indexOf(piece, at + 1)) {
      covered.fill(true, at, at + SECRET_PIECE_LENGTH);
    }
  }
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (!covered[i]) out += text[i];
    else if (i === 0 || !covered[i - 1]) out += '<redacted>';
  }
  return out;
}

export function redactCredentials(text: string, secrets: readonly string[] = []): string {
  let redacted = text;
  for (const secret of secrets) redacted = redactSecret(redacted, secret);
  return redacted
    .replace(ACCESS_KEY_ID, '$1****************')
    .replace(SIGNATURE, '$1<redacted>')
    .replace(SECURITY_TOKEN, '$1<redacted>');
}
