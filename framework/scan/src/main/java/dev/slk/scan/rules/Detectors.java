package dev.slk.scan.rules;

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
        return text -> {
            List<SecretMatch> all = new ArrayList<>();
            for (Detector d : copy) {
                all.addAll(d.find(text));
            }
            all.sort(Comparator.comparingInt(SecretMatch::start));
            List<SecretMatch> kept = new ArrayList<>();
            for (SecretMatch m : all) {
                if (kept.isEmpty() || m.start() >= kept.get(kept.size() - 1).end()) {
                    kept.add(m);
                }
            }
            return kept;
        };
    }

    /**
     * @return a detector that runs {@code detector} only when the lower-cased text contains one
     *     of {@code literals}, for rules that need context beyond the match itself
     */
    static Detector whenContains(List<String> literals, Detector detector) {
        List<String> copy = List.copyOf(literals);
        return text -> copy.stream().anyMatch(l -> containsIgnoreCase(text, l)) ? detector.find(text) : List.of();
    }

    /**
     * @param text any text
     * @param lower a lower-case ASCII literal
     * @return whether {@code text} contains {@code lower}, ignoring case, without copying the text
     */
    static boolean containsIgnoreCase(String text, String lower) {
        char first = lower.charAt(0);
        char upper = Character.toUpperCase(first);
        int last = text.length() - lower.length();
        for (int i = 0; i <= last; i++) {
            char c = text.charAt(i);
            if ((c == first || c == upper) && text.regionMatches(true, i, lower, 0, lower.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return a detector giving the matches of {@code detector} that overlap no match of
     *     {@code claimers}, so a value a specific rule reports is not reported again by a broad one
     */
    static Detector excluding(Detector detector, List<Detector> claimers) {
        List<Detector> copy = List.copyOf(claimers);
        return (LowerCasingDetector) (text, lowerCase) -> {
            List<SecretMatch> found = detector.find(text, lowerCase);
            if (found.isEmpty()) {
                return found;
            }
            List<SecretMatch> claimed = new ArrayList<>();
            for (Detector c : copy) {
                claimed.addAll(c.find(text, lowerCase));
            }
            List<SecretMatch> kept = new ArrayList<>();
            for (SecretMatch m : found) {
                if (claimed.stream().noneMatch(c -> c.start() < m.end() && m.start() < c.end())) {
                    kept.add(m);
                }
            }
            return kept;
        };
    }

    /**
     * Runs {@code detector} only on the lines that contain one of {@code keywords}, for detectors
     * whose match always shares a line with a keyword (an assignment's key names the secret).
     * Most lines of most files hold none, and this skips them without looking at their operators.
     *
     * @param detector the line-local detector
     * @param keywords lower-case keywords, at least one of which is on every matching line
     * @return the restricted detector, with offsets in the whole text
     */
    private static final int LONG_LINE = 8192;
    private static final int WINDOW_BEFORE = 128;
    private static final int WINDOW_AFTER = Assignment.MAX_VALUE + 256;

    static Detector onKeywordLines(Detector detector, List<String> keywords) {
        List<String> copy = List.copyOf(keywords);
        return (LowerCasingDetector) (text, lowerCase) -> {
            if (lowerCase.length() != text.length()) {
                return detector.find(text); // lower-casing moved offsets (rare non-ASCII): search it all
            }
            List<SecretMatch> found = new ArrayList<>();
            int[] ranges = keywordLines(lowerCase, copy);
            for (int r = 0; r < ranges.length; r += 2) {
                int start = ranges[r];
                for (SecretMatch m : detector.find(text.substring(start, ranges[r + 1]))) {
                    found.add(new SecretMatch(m.start() + start, m.end() + start, m.secret()));
                }
            }
            return found;
        };
    }

    /**
     * Start and end offsets of the merged runs of lines that hold a keyword, in order. On a very
     * long line (minified code) only a window around each keyword is taken: a key is at most 81
     * characters with the keyword inside it, and a value at most {@link Assignment#MAX_VALUE}.
     */
    private static int[] keywordLines(String lower, List<String> keywords) {
        java.util.TreeMap<Integer, Integer> lines = new java.util.TreeMap<>();
        for (String keyword : keywords) {
            int lineStart = 0;
            int lineEnd = -1; // the line last located, so a line with many keywords is located once
            int at = lower.indexOf(keyword);
            while (at >= 0) {
                if (at >= lineEnd) {
                    lineStart = lower.lastIndexOf('\n', at) + 1;
                    int newline = lower.indexOf('\n', at);
                    lineEnd = newline < 0 ? lower.length() : newline + 1;
                }
                if (lineEnd - lineStart > LONG_LINE) {
                    lines.merge(Math.max(lineStart, at - WINDOW_BEFORE), Math.min(lineEnd, at + WINDOW_AFTER), Math::max);
                    // Windows overlap within WINDOW_AFTER; skip to where a new one would start.
                    at = lower.indexOf(keyword, Math.max(at + keyword.length(), Math.min(lineEnd, at + WINDOW_AFTER)
                            - WINDOW_BEFORE));
                    continue;
                }
                lines.merge(lineStart, lineEnd, Math::max);
                at = lineEnd >= lower.length() ? -1 : lower.indexOf(keyword, lineEnd);
            }
        }
        int[] merged = new int[lines.size() * 2];
        int n = 0;
        for (java.util.Map.Entry<Integer, Integer> line : lines.entrySet()) {
            if (n > 0 && line.getKey() <= merged[n - 1]) {
                merged[n - 1] = Math.max(merged[n - 1], line.getValue());
            } else {
                merged[n++] = line.getKey();
                merged[n++] = line.getValue();
            }
        }
        return java.util.Arrays.copyOf(merged, n);
    }
}
