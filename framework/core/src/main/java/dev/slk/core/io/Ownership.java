package dev.slk.core.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Decides whether an existing target is something slk wrote and may therefore replace. A target
 * that does not exist, or an empty file or directory, may always be written.
 */
@FunctionalInterface
public interface Ownership {
    /**
     * @param existing the target, which exists and is of the expected kind (file or directory)
     * @return whether slk wrote it
     * @throws IOException when it cannot be read; the write is then refused
     */
    boolean ownedBySlk(Path existing) throws IOException;

    /** @return the phrase that ends the refusal, e.g. {@code "not a cloud assembly slk wrote"} */
    default String refusal() {
        return "was not written by slk";
    }

    /**
     * @param refusal the phrase for the refusal message
     * @param test the ownership test
     * @return the rule
     */
    static Ownership of(String refusal, Ownership test) {
        return new Ownership() {
            @Override
            public boolean ownedBySlk(Path existing) throws IOException {
                return test.ownedBySlk(existing);
            }

            @Override
            public String refusal() {
                return refusal;
            }
        };
    }
}
