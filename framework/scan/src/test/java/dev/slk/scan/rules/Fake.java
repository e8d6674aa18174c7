package dev.slk.scan.rules;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * Builds secret-shaped test values at run time. The repository scans itself, so no test may hold
 * a realistic secret as one literal: each is made here from an alphabet and a seed.
 */
final class Fake {
    static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    static final String DIGITS = "0123456789";
    static final String UPPER_ALNUM = UPPER + DIGITS;
    static final String ALNUM = UPPER + LOWER + DIGITS;
    static final String BASE64 = ALNUM + "+/";
    static final String BASE64URL = ALNUM + "-_";
    static final String HEX = "0123456789abcdef";

    private Fake() {
    }

    /**
     * @return {@code length} characters of {@code alphabet}, the same for the same arguments; a
     *     different {@code salt} gives a different string
     */
    static String of(String alphabet, int length, int salt) {
        Random random = new Random(31L * length + 17L * salt + alphabet.hashCode());
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    static String of(String alphabet, int length) {
        return of(alphabet, length, 0);
    }

    /** @return base64 lines of 64 characters, as in a PEM body, joined by {@code newline} */
    static String pemBody(int lines, String newline) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            body.append(i == 0 ? "" : newline).append(of(BASE64, 64, i));
        }
        return body.append(newline).append(of(BASE64, 20, lines)).append("==").toString();
    }

    /** @return a PEM block; {@code label} is e.g. "RSA PRIVATE KEY" */
    static String pem(String label, String body, String newline) {
        return "-----BEGIN " + label + "-----" + newline + body + newline + "-----END " + label + "-----";
    }

    /** @return the unpadded base64url encoding of {@code s}, as JWT parts are */
    static String base64url(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** @return a signed-looking JWT with the given JSON header */
    static String jwt(String header) {
        return base64url(header) + "." + base64url("{\"sub\":\"4711\",\"name\":\"Jane\",\"iat\":1716239022}") + "."
                + of(BASE64URL, 43);
    }

    /** @return a password-like value: letters, digits and a few symbols */
    static String password(int salt) {
        return of(ALNUM, 14, salt) + "+" + of(DIGITS, 2, salt) + "!";
    }
}
