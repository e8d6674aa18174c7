package dev.slk.core.findings;

/**
 * A place in a file, 1-based, as editors and {@code file:line:column} links expect.
 *
 * @param file the file as the user named it
 * @param line line, from 1; 0 when unknown
 * @param column column, from 1; 0 when unknown
 */
public record SourceLocation(String file, int line, int column) implements Location {

    /** @return a location naming only the file */
    public static SourceLocation ofFile(String file) {
        return new SourceLocation(file, 0, 0);
    }

    /** @return {@code file:line:column}, or just the file when the line is unknown */
    @Override
    public String toString() {
        return line == 0 ? file : file + ":" + line + ":" + column;
    }
}
