package dev.slk.core.findings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable finding ids for baselines, waivers and SARIF {@code partialFingerprints}. A fingerprint is
 * a SHA-256 over its parts (never a line
 * number, so it survives lines moving), cut to 32 hex characters. When a part is a secret, only
 * a salted digest of it goes in, so a baseline file carries nothing that reveals the secret.
 */
public final class Fingerprints {
    private static final String SECRET_SALT = "slk-security-scan-fingerprint-v1";

    private Fingerprints() {
    }

    /**
     * @param parts rule id, path and whatever identifies the finding within the file
     * @return 32 lower-case hex characters
     */
    public static String of(String... parts) {
        MessageDigest sha = sha256();
        for (String part : parts) {
            sha.update(part.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
    }

    /**
     * @param secret a secret value
     * @return a digest of it, to be used as a fingerprint part in place of the secret
     */
    public static String ofSecret(String secret) {
        return of(SECRET_SALT, secret);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
