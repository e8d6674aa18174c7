package dev.slk.ocsf.mapping;

/**
 * Something wrong with a mapping file, found when it was loaded.
 *
 * @param location where
 * @param message what, in one line
 */
public record Problem(Location location, String message) {
    /** @return {@code file:line:column: message} */
    @Override
    public String toString() {
        return location + ": " + message;
    }
}
