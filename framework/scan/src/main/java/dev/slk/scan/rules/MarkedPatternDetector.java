package dev.slk.scan.rules;

import dev.slk.scan.files.ScanText;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds tokens that hold a fixed marker at a varying offset, such as OpenAI keys ("sk-" ... "T3BlbkFJ"
 * ...): the expression is tried only from the nearest start literal before each marker, so files
 * without the marker cost nothing and the expression never runs at every character.
 */
final class MarkedPatternDetector implements Detector {
    private final Pattern pattern;
    private final Predicate<String> accept;
    private final String marker;
    private final String start;
    private final int maxBefore;
    private final LazyKeywordSearch own;

    /**
     * @param pattern the whole token, matched from {@code start}; must not backtrack catastrophically
     * @param accept further checks on the token
     * @param marker case-sensitive literal every token holds
     * @param start case-sensitive literal every token starts with
     * @param maxBefore the most characters between a token's start and its marker
     */
    MarkedPatternDetector(Pattern pattern, Predicate<String> accept, String marker, String start, int maxBefore) {
        this.pattern = pattern;
        this.accept = accept;
        this.marker = marker;
        this.start = start;
        this.maxBefore = maxBefore;
        this.own = new LazyKeywordSearch(List.of(marker));
    }

    @Override
    public List<SecretMatch> find(ScanText text) {
        return at(text, own.find(text).starts(List.of(marker)));
    }

    @Override
    public List<SecretMatch> find(ScanText text, KeywordHits hits) {
        return at(text, own.in(hits, text).starts(List.of(marker)));
    }

    private List<SecretMatch> at(ScanText text, int[] places) {
        List<SecretMatch> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        m.useTransparentBounds(true).useAnchoringBounds(false);
        int from = 0;
        for (int at : places) {
            if (at < from || !text.startsWith(marker, at)) {
                continue;
            }
            int s = text.lastIndexOf(start, at);
            if (s < from || s < at - maxBefore) {
                continue;
            }
            m.region(s, text.length());
            if (m.lookingAt()) {
                String token = m.group();
                if (!Placeholders.isPlaceholder(token) && accept.test(token)) {
                    found.add(new SecretMatch(m.start(), m.end(), token));
                }
                from = m.end();
            }
        }
        return found;
    }
}
