package dev.slk.scan.rules;

import dev.slk.scan.files.ScanText;
import java.util.List;

/**
 * A detector's own search for its keywords, for when it is called without the scan's keyword
 * hits. Built on first use: in a scan the hits always cover these keywords, so it never is, and
 * the catalogue, built before the first file is scanned, costs that much less.
 */
final class LazyKeywordSearch {
    private final List<String> keywords;
    private volatile KeywordAutomaton automaton;
    /** The last automaton found to know all the keywords: a scan asks with the same one for every file. */
    private volatile KeywordAutomaton knowing;

    LazyKeywordSearch(List<String> keywords) {
        this.keywords = List.copyOf(keywords);
    }

    /** @return the hits in {@code text} of the keywords */
    KeywordHits find(ScanText text) {
        KeywordAutomaton a = automaton;
        if (a == null) {
            a = KeywordAutomaton.of(keywords); // immutable: building it twice in a race is harmless
            automaton = a;
        }
        return a.find(text);
    }

    /**
     * @param hits the scan's keyword hits in {@code text}, if any
     * @param text the text
     * @return {@code hits} when they cover the keywords, else the keywords' own hits in the text
     */
    KeywordHits in(KeywordHits hits, ScanText text) {
        KeywordAutomaton searched = hits.automaton();
        if (searched == knowing) {
            return hits;
        }
        if (hits.knows(keywords)) {
            knowing = searched;
            return hits;
        }
        return find(text);
    }
}
