package dev.slk.scan.rules;

/**
 * Where a rule found a secret in a text.
 *
 * @param start offset of the first character of the secret
 * @param end offset after its last character
 * @param secret the secret itself; never printed, only redacted and fingerprinted
 */
public record SecretMatch(int start, int end, String secret) {
}
