package dev.slk.scan.rules;

import dev.slk.scan.files.ScanText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Combines detectors. */
final class Detectors {

    private Detectors() {
    }

    /**
     * @return a detector giving the matches of all of {@code detectors}, in order of position;
     *     where two overlap, the earlier-starting (then the earlier detector's) one is kept
     */
    static Detector anyOf(List<Detector> detectors) {
        List<Detector> copy = List.copyOf(detectors);
        return new Detector() {
            @Override
            public List<SecretMatch> find(ScanText text) {
                List<SecretMatch> all = new ArrayList<>();
                for (Detector d : copy) {
                    all.addAll(d.find(text));
                }
                return firstOfOverlapping(all);
            }

            @Override
            public List<SecretMatch> find(ScanText text, KeywordHits hits) {
                List<SecretMatch> all = new ArrayList<>();
                for (Detector d : copy) {
                    all.addAll(d.find(text, hits));
                }
                return firstOfOverlapping(all);
            }
        };
    }

    private static List<SecretMatch> firstOfOverlapping(List<SecretMatch> all) {
        all.sort(Comparator.comparingInt(SecretMatch::start));
        List<SecretMatch> kept = new ArrayList<>();
        for (SecretMatch m : all) {
            if (kept.isEmpty() || m.start() >= kept.get(kept.size() - 1).end()) {
                kept.add(m);
            }
        }
        return kept;
    }

    /**
     * @return a detector that runs {@code detector} only when the lower-cased text contains one
     *     of {@code literals}, for rules that need context beyond the match itself
     */
    static Detector whenContains(List<String> literals, Detector detector) {
        List<String> copy = List.copyOf(literals);
        return new Detector() {
            @Override
            public List<SecretMatch> find(ScanText text) {
                return copy.stream().anyMatch(l -> containsIgnoreCase(text, l)) ? detector.find(text) : List.of();
            }

            @Override
            public List<SecretMatch> find(ScanText text, KeywordHits hits) {
                if (!hits.knows(copy)) {
                    return find(text);
                }
                return hits.containsAny(copy) ? detector.find(text, hits) : List.of();
            }
        };
    }

    /**
     * @param text any text
     * @param lower a lower-case ASCII literal
     * @return whether {@code text} contains {@code lower}, ignoring case, without copying the text
     */
    static boolean containsIgnoreCase(ScanText text, String lower) {
        char first = lower.charAt(0);
        char upper = Character.toUpperCase(first);
        int last = text.length() - lower.length();
        for (int i = 0; i <= last; i++) {
            char c = text.charAt(i);
            if ((c == first || c == upper) && text.regionMatchesIgnoreCase(i, lower)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param detector the broad detector
     * @param claimers the specific rules whose matches take precedence
     * @return a detector giving the matches of {@code detector} that overlap no match of a
     *     claimer, so a value a specific rule reports is not reported again by a broad one. A
     *     claimer none of whose keywords occur in the text is not run: like the scanner, this
     *     relies on every match of a rule holding one of its keywords
     */
    static Detector excluding(Detector detector, List<SecretRule> claimers) {
        List<SecretRule> copy = List.copyOf(claimers);
        LazyKeywordSearch own = new LazyKeywordSearch(copy.stream().flatMap(r -> r.keywords().stream()).toList());
        return new Detector() {
            @Override
            public List<SecretMatch> find(ScanText text) {
                return find(text, own.find(text));
            }

            @Override
            public List<SecretMatch> find(ScanText text, KeywordHits hits) {
                List<SecretMatch> found = detector.find(text, hits);
                if (found.isEmpty()) {
                    return found;
                }
                List<SecretMatch> claimed = new ArrayList<>();
                for (SecretRule c : copy) {
                    if (c.keywords().isEmpty() || !hits.knows(c.keywords()) || hits.containsAny(c.keywords())) {
                        claimed.addAll(c.detector().find(text, hits));
                    }
                }
                List<SecretMatch> kept = new ArrayList<>();
                for (SecretMatch m : found) {
                    if (claimed.stream().noneMatch(c -> c.start() < m.end() && m.start() < c.end())) {
                        kept.add(m);
                    }
                }
                return kept;
            }
        };
    }

    /** How long a line must be to count as one long line (minified code) rather than a line. */
    private static final int LONG_LINE = 8192;
    /** Window taken before a keyword on a long line: a key is at most 81 characters with the keyword inside it. */
    private static final int WINDOW_BEFORE = 128;
    /** Window taken after a keyword on a long line: the rest of the key, the operator and the value. */
    private static final int WINDOW_AFTER = Assignment.MAX_VALUE + 256;

    /**
     * Runs an assignment detector only on the lines that could hold an assignment it accepts:
     * those with one of {@code keywords} (every key it accepts holds one) and, since the key comes
     * right before the operator, with an operator (':' or '=') somewhere after their first keyword.
     * Most lines of most files hold no keyword, and most keyword lines have no operator after it
     * ("// rotate the password", "return tokens"), so both are skipped without looking at their
     * operators. Lines are independent: an assignment never spans two. On a very long line
     * (minified code) with an operator after its first keyword, a window around each keyword is
     * taken instead.
     *
     * @param detector the assignment detector, line-local
     * @param keywords keywords, one of which is in every key the detector accepts
     * @return the restricted detector, with offsets in the whole text
     */
    static Detector onAssignmentLines(Detector detector, List<String> keywords) {
        List<String> copy = List.copyOf(keywords);
        LazyKeywordSearch own = new LazyKeywordSearch(copy);
        return new Detector() {
            @Override
            public List<SecretMatch> find(ScanText text) {
                return find(text, own.find(text));
            }

            @Override
            public List<SecretMatch> find(ScanText text, KeywordHits hits) {
                int[] starts = own.in(hits, text).starts(copy);
                List<SecretMatch> found = new ArrayList<>();
                int[] ranges = assignmentLines(text, starts);
                for (int r = 0; r < ranges.length; r += 2) {
                    int start = ranges[r];
                    for (SecretMatch m : detector.find(text.subSequence(start, ranges[r + 1]))) {
                        found.add(new SecretMatch(m.start() + start, m.end() + start, m.secret()));
                    }
                }
                return found;
            }
        };
    }

    /**
     * @param text the text
     * @param starts where keywords start, ascending
     * @return start and end offsets of the merged runs of lines that hold those keywords with an
     *     operator after the first, and of windows around them on long lines, in order
     */
    private static int[] assignmentLines(ScanText text, int[] starts) {
        int[] ranges = new int[Math.min(2 * starts.length, 64)];
        int n = 0;
        int lineStart = 0;
        int lineEnd = -1; // the line last located, so a line with many keywords is located once
        boolean lineTaken = true;
        int length = text.length();
        for (int at : starts) {
            if (at >= lineEnd) {
                // The first keyword of a line is its earliest: no operator after it, none after any,
                // so the line cannot hold a match (nor can any window of it, if it is a long one).
                int i = at;
                while (i < length && !isOperatorOrNewline(text.charAt(i))) {
                    i++;
                }
                lineTaken = i < length && text.charAt(i) != '\n';
                if (!lineTaken) {
                    lineEnd = i < length ? i + 1 : length;
                    continue;
                }
                int newline = text.indexOf('\n', i);
                lineEnd = newline < 0 ? length : newline + 1;
                lineStart = text.lastIndexOf('\n', at) + 1;
            } else if (!lineTaken) {
                continue;
            }
            int start = lineStart;
            int end = lineEnd;
            if (lineEnd - lineStart > LONG_LINE) {
                start = Math.max(lineStart, at - WINDOW_BEFORE);
                end = Math.min(lineEnd, at + WINDOW_AFTER);
            }
            if (n > 0 && start <= ranges[n - 1]) {
                ranges[n - 1] = Math.max(ranges[n - 1], end);
            } else {
                if (n == ranges.length) {
                    ranges = java.util.Arrays.copyOf(ranges, 2 * n);
                }
                ranges[n++] = start;
                ranges[n++] = end;
            }
        }
        return java.util.Arrays.copyOf(ranges, n);
    }

    private static boolean isOperatorOrNewline(char c) {
        return c == ':' || c == '=' || c == '\n';
    }
}
