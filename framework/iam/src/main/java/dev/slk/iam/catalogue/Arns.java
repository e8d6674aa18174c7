package dev.slk.iam.catalogue;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** ARN formats and policy ARNs as regular expressions, cached: a run compares the same few many times. */
public final class Arns {
    private static final Map<String, Pattern> GLOBS = new ConcurrentHashMap<>();
    private static final Map<String, Boolean> INTERSECTIONS = new ConcurrentHashMap<>();

    private Arns() {
    }

    /**
     * @param a a string where {@code *} is any run and {@code ?} any one character
     * @param b another
     * @return whether some string fits both
     */
    static boolean intersect(String a, String b) {
        // The actions of a statement share resource types, so the same pair comes back many times.
        return INTERSECTIONS.computeIfAbsent(a + "\n" + b, k -> {
            if (!segmentsAgree(a, b)) {
                return false;
            }
            Boolean[][] memo = new Boolean[a.length() + 1][b.length() + 1];
            return intersect(a, 0, b, 0, memo);
        });
    }

    /** A quick refusal: the service segments of two ARNs without wildcards in them differ. */
    private static boolean segmentsAgree(String a, String b) {
        String[] x = a.split(":", 4);
        String[] y = b.split(":", 4);
        if (x.length < 3 || y.length < 3) {
            return true;
        }
        String sx = x[2];
        String sy = y[2];
        return sx.contains("*") || sy.contains("*") || sx.contains("?") || sy.contains("?") || sx.equals(sy);
    }

    private static boolean intersect(String a, int i, String b, int j, Boolean[][] memo) {
        if (memo[i][j] != null) {
            return memo[i][j];
        }
        boolean result;
        if (i == a.length() && j == b.length()) {
            result = true;
        } else if (i < a.length() && a.charAt(i) == '*') {
            result = intersect(a, i + 1, b, j, memo) || j < b.length() && intersect(a, i, b, j + 1, memo);
        } else if (j < b.length() && b.charAt(j) == '*') {
            result = intersect(a, i, b, j + 1, memo) || i < a.length() && intersect(a, i + 1, b, j, memo);
        } else if (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            result = (x == y || x == '?' || y == '?') && intersect(a, i + 1, b, j + 1, memo);
        } else {
            result = false;
        }
        memo[i][j] = result;
        return result;
    }

    /**
     * @param glob a policy string where {@code *} is any run and {@code ?} any one character
     * @return it as a pattern (IAM matches ARNs case-sensitively)
     */
    public static Pattern globOf(String glob) {
        return GLOBS.computeIfAbsent(glob, g -> {
            StringBuilder regex = new StringBuilder();
            StringBuilder literal = new StringBuilder();
            for (char c : g.toCharArray()) {
                if (c == '*' || c == '?') {
                    if (literal.length() > 0) {
                        regex.append(Pattern.quote(literal.toString()));
                        literal.setLength(0);
                    }
                    regex.append(c == '*' ? ".*" : ".");
                } else {
                    literal.append(c);
                }
            }
            if (literal.length() > 0) {
                regex.append(Pattern.quote(literal.toString()));
            }
            return Pattern.compile(regex.toString(), Pattern.DOTALL);
        });
    }
}
