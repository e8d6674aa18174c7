package dev.slk.assembly;

/**
 * A file of the assembly that could not be read; the message never quotes the file's content.
 *
 * @param file the file, relative to the assembly directory, with '/' separators
 * @param line line of the problem, from 1
 * @param column column, from 1
 * @param message what is wrong, e.g. "it is not valid JSON"
 */
public record AssemblyProblem(String file, int line, int column, String message) {
}
