package dev.slk.scan.rules;

import java.util.List;

/** Finds the secrets of one rule in the text of one file. */
@FunctionalInterface
public interface Detector {
    /**
     * @param text the whole file
     * @return the matches, in order; empty when none
     */
    List<SecretMatch> find(String text);

    /**
     * The same search, given where the keywords of the scan occur in the text (the scanner finds
     * them once per file for its prefilter); detectors that look for keywords override this to
     * reuse them instead of searching the text again.
     *
     * @param text the whole file
     * @param hits the keywords found in {@code text}, offsets in its characters
     * @return the matches, in order; empty when none
     */
    default List<SecretMatch> find(String text, KeywordHits hits) {
        return find(text);
    }
}
