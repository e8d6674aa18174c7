package dev.slk.scan.rules;

import dev.slk.scan.files.ScanText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the private key of a Google Cloud service-account key file: the PEM in the
 * {@code "private_key"} field of a JSON document that also has a {@code "client_email"}. The
 * secret is the key body, as for any PEM key.
 */
final class GcpServiceAccount implements Detector {

    // The JSON string value, escaped newlines and all; possessive and bounded.
    private static final Pattern PRIVATE_KEY_FIELD = Pattern.compile(
            "\"private_key\"[ \\t]{0,8}:[ \\t]{0,8}\"(-----BEGIN [^\"]{1,20000}+)\"");

    private final Detector pem = new PemDetector();

    @Override
    public List<SecretMatch> find(ScanText text) {
        if (!text.contains("\"client_email\"")) {
            return List.of();
        }
        List<SecretMatch> found = new ArrayList<>();
        Matcher m = PRIVATE_KEY_FIELD.matcher(text);
        while (m.find()) {
            int offset = m.start(1);
            for (SecretMatch body : pem.find(text.subSequence(offset, m.end(1)))) {
                found.add(new SecretMatch(offset + body.start(), offset + body.end(), body.secret()));
            }
        }
        return found;
    }
}
