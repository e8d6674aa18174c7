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
}
