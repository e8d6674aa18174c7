package dev.slk.scan.rules;

import dev.slk.scan.files.ScanText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds PEM and PGP private key blocks, BEGIN through the matching END line, also when written
 * into a string with escaped newlines. The secret is the body between the two lines.
 */
final class PemDetector implements Detector {

    /** Longest body considered; an 8192-bit RSA key is about 6.5 KB. */
    private static final int MAX_BODY = 16_384;

    /** A key body is base64: below this many bits per character it is a placeholder or text. */
    private static final double MIN_BODY_ENTROPY = 4.0;

    private static final int MIN_BODY_LENGTH = 40;

    /** Whitespace and escaped line breaks, which do not count towards a body's content. */
    private static final Pattern BLANK = Pattern.compile("\\\\[nr]|\\s");

    private static final String DASHES_BEGIN = "-----BEGIN ";

    private static final Pattern BEGIN = Pattern.compile(
            "-----BEGIN ((?:RSA |DSA |EC |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----");

    @Override
    public List<SecretMatch> find(ScanText text) {
        List<SecretMatch> found = new ArrayList<>();
        Matcher m = BEGIN.matcher(text);
        // The END line is found with indexOf rather than a lazy regex, and remembered per label:
        // many BEGIN lines without an END then cost one scan in all, not one each.
        Map<String, Integer> nextEnd = new HashMap<>();
        int from = 0;
        for (int at = text.indexOf(DASHES_BEGIN); at >= 0; at = text.indexOf(DASHES_BEGIN, from)) {
            from = at + 1;
            if (!m.region(at, text.length()).lookingAt()) {
                continue;
            }
            int after = m.end();
            int endLine = nextEnd.compute(m.group(1), (label, known) -> known != null && (known < 0 || known >= after)
                    ? known : text.indexOf("-----END " + label + "-----", after));
            if (endLine < 0 || endLine - m.end() > MAX_BODY) {
                continue;
            }
            int start = skipBlank(text, m.end(), endLine);
            int end = trimBlank(text, start, endLine);
            String body = text.substring(start, end);
            if (looksLikeKey(body)) {
                found.add(new SecretMatch(start, end, body));
            }
            from = endLine;
        }
        return found;
    }

    private static boolean looksLikeKey(String body) {
        String compact = BLANK.matcher(body).replaceAll("");
        return compact.length() >= MIN_BODY_LENGTH && !Placeholders.isPlaceholder(body)
                && Entropy.shannon(compact) >= MIN_BODY_ENTROPY;
    }

    /** Skips whitespace and escaped newlines ("\n" written as two characters) forwards. */
    private static int skipBlank(ScanText text, int i, int limit) {
        while (i < limit) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
            } else if (i + 1 < limit && text.charAt(i) == '\\' && isEscapedBreak(text.charAt(i + 1))) {
                i += 2;
            } else {
                break;
            }
        }
        return i;
    }

    /** Trims whitespace and escaped newlines backwards from {@code end}, not past {@code start}. */
    private static int trimBlank(ScanText text, int start, int end) {
        while (end > start) {
            if (Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            } else if (end - 2 >= start && text.charAt(end - 2) == '\\' && isEscapedBreak(text.charAt(end - 1))) {
                end -= 2;
            } else {
                break;
            }
        }
        return end;
    }

    private static boolean isEscapedBreak(char c) {
        return c == 'n' || c == 'r';
    }
}
