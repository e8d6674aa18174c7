package dev.slk.scan.rules;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Checks that a three-part token really is a JWT, so random dotted base64 is not reported. */
final class Jwt {

    private Jwt() {
    }

    /**
     * @param token {@code header.payload.signature}, base64url
     * @return whether the header decodes to a JSON object naming an "alg"
     */
    static boolean hasAlgHeader(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        try {
            String header = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8)
                    .trim();
            return header.startsWith("{") && header.endsWith("}") && header.contains("\"alg\"");
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
