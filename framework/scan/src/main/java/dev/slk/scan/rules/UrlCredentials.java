package dev.slk.scan.rules;

import dev.slk.scan.files.ScanText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds passwords written into URLs, {@code scheme://user:password@host}. */
final class UrlCredentials implements Detector {

    // Tried right after each "://": user and password cannot hold '/', '@', '?', '#' or spaces
    // unencoded, so both stop there and are possessive; each "://" costs one bounded scan.
    private static final int MAX_USER = 128;
    private static final int MAX_PASSWORD = 256;
    private static final Pattern USER_PASSWORD = Pattern.compile(
            "([^\\s:@/?#\"'`<>\\[\\]]{0," + MAX_USER + "}+):([^\\s@/?#\"'`<>\\[\\]]{1," + MAX_PASSWORD
                    + "}+)@([A-Za-z0-9._-]{1,253}+|\\[)");

    private static final String SCHEME_END = "://";
    private static final List<String> SCHEME_END_KEYWORD = List.of(SCHEME_END);
    private static final int MAX_SCHEME = 32;
    private static final int MIN_PASSWORD = 4;

    /** Passwords that documentation writes to show where a password goes. */
    private static final Set<String> DOC_WORDS = Set.of("password", "passwd", "pass", "pwd", "pw", "secret");

    // Templating and environment references: the real password is elsewhere.
    private static final Pattern REFERENCE = Pattern.compile("^\\$|^%[sd]$|^%\\w{1,100}%$|\\{[^}]{0,100}\\}");

    @Override
    public List<SecretMatch> find(ScanText text) {
        List<Integer> places = new ArrayList<>();
        for (int at = text.indexOf(SCHEME_END); at >= 0; at = text.indexOf(SCHEME_END, at + 1)) {
            places.add(at);
        }
        return at(text, places.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Takes the places of "://" from the scan's keyword hits when it searched for it. */
    @Override
    public List<SecretMatch> find(ScanText text, KeywordHits hits) {
        return hits.knows(SCHEME_END_KEYWORD) ? at(text, hits.starts(SCHEME_END_KEYWORD)) : find(text);
    }

    private static List<SecretMatch> at(ScanText text, int[] schemeEnds) {
        List<SecretMatch> found = new ArrayList<>();
        Matcher m = USER_PASSWORD.matcher(text);
        for (int at : schemeEnds) {
            if (!userInfoFollows(text, at + SCHEME_END.length()) || !afterScheme(text, at)
                    || !m.region(at + SCHEME_END.length(), text.length()).lookingAt()) {
                continue;
            }
            String password = m.group(2);
            if (!Placeholders.isPlaceholder(password) && literalPassword(m.group(1), password)
                    && !exampleHost(m.group(3))) {
                found.add(new SecretMatch(m.start(2), m.end(2), password));
            }
        }
        return found;
    }

    /**
     * Whether a ':' and then an '@' come after {@code from} before any character that neither a
     * user name nor a password may hold unencoded (the regex's whitespace is space and \t to \r):
     * what {@link #USER_PASSWORD} needs, checked without the regex, which most URLs
     * ("https://host/path") fail at their first '/'.
     */
    private static boolean userInfoFollows(ScanText text, int from) {
        boolean colon = false;
        int limit = Math.min(text.length(), from + MAX_USER + 1 + MAX_PASSWORD + 1);
        for (int i = from; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '@') {
                return colon;
            }
            if (c == ':') {
                colon = true;
            } else if (c == '/' || c == '?' || c == '#' || c == '"' || c == '\'' || c == '`' || c == '<' || c == '>'
                    || c == '[' || c == ']' || c == ' ' || c >= '\t' && c <= '\r') {
                return false;
            }
        }
        return false;
    }

    /** Whether a scheme, letter first, ends at {@code at}: "postgres", "mongodb+srv", "git+ssh". */
    private static boolean afterScheme(ScanText text, int at) {
        int start = at;
        while (start > 0 && at - start < MAX_SCHEME && isSchemeChar(text.charAt(start - 1))) {
            start--;
        }
        while (start < at && !Character.isLetter(text.charAt(start))) {
            start++;
        }
        return start < at && Character.isLetter(text.charAt(start));
    }

    private static boolean isSchemeChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '+' || c == '.' || c == '-');
    }

    /** Whether the host is reserved for documentation (RFC 2606): "example.com", "db.example". */
    private static boolean exampleHost(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.startsWith("example.") || lower.contains(".example.") || lower.endsWith(".example");
    }

    /**
     * A literal password is not a reference, not a documentation word, not the user name
     * repeated (the "guest:guest" of local development setups), and not so short that it can
     * only be an example ("https://a:b@host").
     */
    private static boolean literalPassword(String user, String password) {
        return password.length() >= MIN_PASSWORD && !REFERENCE.matcher(password).find()
                && !DOC_WORDS.contains(password.toLowerCase(Locale.ROOT))
                && !password.equalsIgnoreCase(user);
    }
}
