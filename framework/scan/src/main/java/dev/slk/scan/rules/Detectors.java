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
        return text -> {
            List<SecretMatch> found = detector.find(text);
            if (found.isEmpty()) {
                return found;
            }
            List<SecretMatch> claimed = new ArrayList<>();
            for (Detector c : copy) {
                claimed.addAll(c.find(text));
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
}
