package dev.slk.scan.rules;

import dev.slk.scan.files.ScanText;
import java.util.List;

/** Finds the secrets of one rule in the text of one file. */
@FunctionalInterface
public interface Detector {
    /**
     * @param text the whole file; often a view of a buffer the scan reuses for the next file, so
     *     a detector keeps nothing of it but the strings it takes out ({@link ScanText#substring})
     * @return the matches, in order; empty when none
     */
    List<SecretMatch> find(ScanText text);

    /**
     * @param text the whole file
     * @return the matches, in order; empty when none
     */
    default List<SecretMatch> find(String text) {
        return find(ScanText.of(text));
    }

    /**
     * The same search, given where the keywords of the scan occur in the text (the scanner finds
     * them once per file for its prefilter); detectors that look for keywords override this to
     * reuse them instead of searching the text again.
     *
     * @param text the whole file
     * @param hits the keywords found in {@code text}, offsets in its characters
     * @return the matches, in order; empty when none
     */
    default List<SecretMatch> find(ScanText text, KeywordHits hits) {
        return find(text);
    }
}
