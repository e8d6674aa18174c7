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
     * The same search, given the text lower-cased as well (the scanner computes it once per file
     * for its keyword prefilter); detectors that search for keywords override this to reuse it.
     *
     * @param text the whole file
     * @param lowerCase {@code text.toLowerCase(Locale.ROOT)}
     * @return the matches, in order; empty when none
     */
    default List<SecretMatch> find(String text, String lowerCase) {
        return find(text);
    }
}
