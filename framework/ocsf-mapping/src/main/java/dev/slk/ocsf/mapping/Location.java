package dev.slk.ocsf.mapping;

/**
 * A place in a mapping file.
 *
 * @param file the file as named to the loader
 * @param line 1-based line
 * @param column 1-based column
 */
public record Location(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
