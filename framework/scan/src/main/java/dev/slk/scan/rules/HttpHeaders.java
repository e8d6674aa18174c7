package dev.slk.scan.rules;

import dev.slk.scan.files.ScanText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Finds credentials written into HTTP request headers, whatever the vendor: {@code Authorization}
 * with a scheme (Basic, decoded to {@code user:password}; Bearer, Token, SSWS, ApiKey, ...) and
 * {@code X-API-Key}-style headers. A header is recognised by its name followed by ':', '=', '=>'
 * or, after a quoted name, ',' — which covers raw requests and HTTP client files
 * ({@code Authorization: Bearer ...}), curl ({@code -H "X-API-Key: ..."}), code
 * ({@code .header("Authorization", "Bearer ...")}, {@code {"Authorization": "Bearer ..."}},
 * {@code headers["X-Api-Key"] = "..."}) and docs. A value that is not a literal (a variable,
 * {@code ${API_KEY}}, {@code <token>}, {@code "Bearer " + token}) or is a placeholder is not a
 * credential.
 */
final class HttpHeaders implements Detector {

    /** Every header name this detector accepts holds one of these. */
    static final List<String> KEYWORDS = List.of("authorization", "-key", "-token", "-secret", "-apikey", "-password");

    /** Last words of a header name that carry a credential. */
    private static final Set<String> CREDENTIAL_WORDS = Set.of("key", "token", "secret", "apikey", "password", "passwd");

    /** Headers without the "X-" prefix that carry credentials. */
    private static final Set<String> KNOWN = Set.of(
            "private-token", "ocp-apim-subscription-key", "dd-api-key", "dd-application-key");

    /** Words that make a header carry something other than a credential (anti-forgery, paging, idempotency). */
    private static final Set<String> NOT_CREDENTIAL = Set.of(
            "csrf", "xsrf", "public", "idempotency", "continuation", "page", "next", "cursor", "sync", "id");

    /** Schemes whose value is a challenge response or a signature over the request, not a stored credential. */
    private static final Set<String> SIGNATURE_SCHEMES = Set.of(
            "digest", "negotiate", "ntlm", "aws4-hmac-sha256", "hoba", "mutual", "signature", "hmac");

    /** Passwords that documentation writes to show where a password goes. */
    private static final Set<String> DOC_PASSWORDS = Set.of(
            "password", "passwd", "pass", "pwd", "pw", "secret", "token", "apikey", "api_key", "test");

    /** A random credential is at least this long; shorter values are words, ids and examples. */
    static final int MIN_CREDENTIAL = 16;
    private static final int MAX_CREDENTIAL = 4096;
    private static final int MIN_BASIC = 8;
    private static final int MIN_PASSWORD = 4;
    private static final int MAX_BLANKS = 8;
    private static final double MIN_ENTROPY = 3.0;
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    private final LazyKeywordSearch own = new LazyKeywordSearch(KEYWORDS);

    /** A header's name and where its value lies. */
    record Field(String name, int valueStart, int valueEnd) {
    }

    @Override
    public List<SecretMatch> find(ScanText text) {
        return find(text, own.find(text));
    }

    @Override
    public List<SecretMatch> find(ScanText text, KeywordHits hits) {
        List<SecretMatch> found = new ArrayList<>();
        for (Field f : fields(text, own.in(hits, text).starts(KEYWORDS), HttpHeaders::carriesCredential)) {
            SecretMatch m = credential(text, f.valueStart(), f.valueEnd());
            if (m != null) {
                found.add(m);
            }
        }
        return found;
    }

    /**
     * @param lowerNames header names, lower case; also the keywords to find them by
     * @param value accepts the whole value of such a header
     * @return a detector for the values of exactly those headers, e.g. {@code DD-API-KEY}
     */
    static Detector named(List<String> lowerNames, Predicate<String> value) {
        List<String> names = List.copyOf(lowerNames);
        LazyKeywordSearch search = new LazyKeywordSearch(names);
        return new Detector() {
            @Override
            public List<SecretMatch> find(ScanText text) {
                return find(text, search.find(text));
            }

            @Override
            public List<SecretMatch> find(ScanText text, KeywordHits hits) {
                List<SecretMatch> found = new ArrayList<>();
                for (Field f : fields(text, search.in(hits, text).starts(names),
                        n -> names.contains(n.toLowerCase(Locale.ROOT)))) {
                    int start = skipBlanks(text, f.valueStart(), f.valueEnd());
                    int end = credentialEnd(text, start, f.valueEnd());
                    String v = text.substring(start, end);
                    if (end > start && terminates(text, end, f.valueEnd()) && !Placeholders.isPlaceholder(v)
                            && value.test(v)) {
                        found.add(new SecretMatch(start, end, v));
                    }
                }
                return found;
            }
        };
    }

    /** Whether a header of this name carries a credential: Authorization, X-...-Key/Token/Secret and a few known ones. */
    static boolean carriesCredential(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("authorization") || lower.equals("proxy-authorization")) {
            return true;
        }
        String[] words = lower.split("-", -1);
        if (words.length < 2 || !CREDENTIAL_WORDS.contains(words[words.length - 1])) {
            return false;
        }
        if (!words[0].equals("x") && !KNOWN.contains(lower)) {
            return false;
        }
        for (String w : words) {
            if (w.isEmpty() || NOT_CREDENTIAL.contains(w)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param starts where keywords start, ascending
     * @param name which header names to take
     * @return the header fields whose name holds a keyword at one of {@code starts}, in order
     */
    static List<Field> fields(ScanText text, int[] starts, Predicate<String> name) {
        List<Field> found = new ArrayList<>();
        int n = text.length();
        int done = -1;
        for (int at : starts) {
            if (at < done) {
                continue; // inside a name already read
            }
            int s = at;
            while (s > 0 && isNameChar(text.charAt(s - 1))) {
                s--;
            }
            int e = at;
            while (e < n && isNameChar(text.charAt(e))) {
                e++;
            }
            done = e;
            if (s > 0 && text.charAt(s - 1) == '_' || e == s || !name.test(text.substring(s, e))) {
                continue;
            }
            int valueStart = valueStart(text, s, e);
            if (valueStart < 0) {
                continue;
            }
            int end = valueStart;
            int limit = Math.min(n, valueStart + MAX_CREDENTIAL + 64);
            while (end < limit && !isQuote(text.charAt(end)) && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            found.add(new Field(text.substring(s, e), valueStart, end));
            done = end;
        }
        return found;
    }

    /** @return where the value after the name {@code [s, e)} starts, past separator and quote, or -1 when none follows */
    private static int valueStart(ScanText text, int s, int e) {
        int n = text.length();
        int i = e;
        boolean quotedName = i < n && isQuote(text.charAt(i)) && s > 0 && text.charAt(s - 1) == text.charAt(i);
        if (quotedName) {
            i++;
        }
        if (i < n && text.charAt(i) == ']') {
            i++;
        }
        i = skipBlanks(text, i, n);
        if (i >= n) {
            return -1;
        }
        char c = text.charAt(i);
        char next = i + 1 < n ? text.charAt(i + 1) : '\n';
        if (c == ':') {
            if (next == ':') {
                return -1;
            }
            i += next == '=' ? 2 : 1;
        } else if (c == '=') {
            if (next == '=') {
                return -1;
            }
            i += next == '>' ? 2 : 1;
        } else if (c == ',' && quotedName) {
            i++;
        } else {
            return -1;
        }
        i = skipBlanks(text, i, n);
        return i < n && isQuote(text.charAt(i)) ? i + 1 : i;
    }

    /**
     * Reads {@code [scheme] credential} from a header value and checks the credential.
     *
     * @return the credential (for Basic: the base64 text), or null when the value holds none
     */
    static SecretMatch credential(ScanText text, int valueStart, int valueEnd) {
        int p = skipBlanks(text, valueStart, valueEnd);
        int wordEnd = credentialEnd(text, p, valueEnd);
        String scheme = null;
        int credStart = p;
        int credEnd = wordEnd;
        if (wordEnd < valueEnd && isBlank(text.charAt(wordEnd)) && isScheme(text, p, wordEnd)) {
            scheme = text.substring(p, wordEnd).toLowerCase(Locale.ROOT);
            credStart = skipBlanks(text, wordEnd, valueEnd);
            credEnd = credentialEnd(text, credStart, valueEnd);
        }
        if (scheme != null && SIGNATURE_SCHEMES.contains(scheme)) {
            return null;
        }
        if (text.regionMatchesIgnoreCase(credStart, "token=")) {
            credStart += "token=".length(); // PagerDuty: "Token token=..."
        }
        if (credEnd <= credStart || !terminates(text, credEnd, valueEnd)) {
            return null;
        }
        String cred = text.substring(credStart, credEnd);
        if (Placeholders.isPlaceholder(cred)) {
            return null;
        }
        boolean ok = "basic".equals(scheme) ? basicCredential(cred) : tokenCredential(cred);
        return ok ? new SecretMatch(credStart, credEnd, cred) : null;
    }

    /** Whether {@code v} looks like a random token rather than a word, an identifier or an example. */
    static boolean tokenCredential(String v) {
        if (v.length() < MIN_CREDENTIAL || v.length() > MAX_CREDENTIAL || Entropy.shannon(v) < MIN_ENTROPY) {
            return false;
        }
        return hasLetterAndDigit(v) || Values.mixedCase(v) && Values.caseChaos(v);
    }

    /** @return whether {@code v} holds an ASCII letter and an ASCII digit */
    static boolean hasLetterAndDigit(String v) {
        boolean digit = false;
        boolean letter = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            digit |= c >= '0' && c <= '9';
            letter |= c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
        }
        return letter && digit;
    }

    /** Whether the base64 {@code v} decodes to {@code user:password} with a real-looking password. */
    static boolean basicCredential(String v) {
        if (v.length() < MIN_BASIC || !BASE64.matcher(v).matches()) {
            return false;
        }
        String decoded;
        try {
            byte[] bytes = Base64.getDecoder().decode(v);
            for (byte b : bytes) {
                if (b >= 0 && b < ' ' || b == 0x7f) {
                    return false;
                }
            }
            decoded = new String(bytes, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String user = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        return password.length() >= MIN_PASSWORD && !password.equals(user)
                && !DOC_PASSWORDS.contains(password.toLowerCase(Locale.ROOT))
                && !Placeholders.isPlaceholder(password) && !Placeholders.isPlaceholder(user)
                && "$%{".indexOf(password.charAt(0)) < 0;
    }

    private static boolean isScheme(ScanText text, int start, int end) {
        char first = text.charAt(start);
        if (!(first >= 'A' && first <= 'Z' || first >= 'a' && first <= 'z') || end - start > 32) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** @return the end of the run of token68 characters (RFC 7235) starting at {@code i} */
    private static int credentialEnd(ScanText text, int i, int limit) {
        while (i < limit && isCredentialChar(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Whether a credential ending at {@code i} ends there, rather than running into an expression ("abc${X}", "abc" + x). */
    private static boolean terminates(ScanText text, int i, int valueEnd) {
        if (i >= valueEnd) {
            return true;
        }
        char c = text.charAt(i);
        return isBlank(c) || c == ',' || c == ';' || c == '\\' || c == ')';
    }

    private static boolean isCredentialChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/' || c == '=';
    }

    private static boolean isNameChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-';
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '`';
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static int skipBlanks(ScanText text, int i, int limit) {
        for (int b = 0; b < MAX_BLANKS && i < limit && isBlank(text.charAt(i)); b++) {
            i++;
        }
        return i;
    }
}
