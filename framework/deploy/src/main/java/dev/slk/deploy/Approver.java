package dev.slk.deploy;

/** Asks a person, on a terminal, whether to go on. */
@FunctionalInterface
public interface Approver {
    /**
     * @param question one line, e.g. {@code Deploy these changes to prod?}
     * @return whether they said yes
     */
    boolean approve(String question);
}
