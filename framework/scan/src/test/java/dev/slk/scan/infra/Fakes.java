package dev.slk.scan.infra;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.slk.core.findings.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Secret-looking test values, made at run time from fragments and a seeded generator so that no
 * literal in the source tree looks like a real secret (the repository scans itself).
 */
final class Fakes {
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String ALNUM = UPPER + UPPER.toLowerCase(java.util.Locale.ROOT) + "0123456789";

    private Fakes() {
    }

    /** @return an access-key-id-shaped value: the 4-letter prefix, then 16 upper-case letters or digits */
    static String accessKeyId(long seed) {
        return "AK" + "IA" + random(UPPER + "0123456789", 16, seed);
    }

    /** @return 40 random base64 characters with upper, lower and digits */
    static String base64Secret(long seed) {
        for (long s = seed; ; s++) {
            String candidate = random(ALNUM + "+/", 40, s);
            if (LiteralSecrets.looksRandom(candidate)) {
                return candidate;
            }
        }
    }

    /** @return a PEM-shaped private key block with a random body */
    static String privateKey(long seed) {
        String dashes = "-".repeat(5);
        String label = "RSA PRIV" + "ATE KEY";
        return dashes + "BEGIN " + label + dashes + "\n" + random(ALNUM, 64, seed) + "\n" + dashes + "END " + label
                + dashes;
    }

    /** @return a password-like value that only its key name marks as a secret */
    static String password(long seed) {
        return "pw-" + random(ALNUM, 14, seed);
    }

    static String random(String alphabet, int length, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** Fails when any 5 consecutive characters of the secret appear in what a finding prints or stores. */
    static void assertNoLeak(List<Finding> findings, String secret) {
        for (Finding f : findings) {
            for (int i = 0; i + 5 <= secret.length(); i++) {
                String piece = secret.substring(i, i + 5);
                for (String field : List.of(f.message(), f.hint() == null ? "" : f.hint(), f.evidence(),
                        f.fingerprint())) {
                    assertFalse(field.contains(piece), () -> f.ruleId() + " leaks part of the secret: " + field);
                }
            }
        }
    }

    /** Writes a file, creating its directories. */
    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
