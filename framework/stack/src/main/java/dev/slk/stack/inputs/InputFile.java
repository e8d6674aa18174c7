package dev.slk.stack.inputs;

/**
 * One file (or class directory) a synthesis read.
 *
 * @param role what it is: {@code slk} (slk's own code), {@code module} (a module's jar or classes),
 *     {@code lambda} (one of slk's Lambda packages) or {@code asset} (any other file a construct
 *     packaged, such as a module's Lambda zip)
 * @param path its absolute path
 * @param size its size in bytes (for a directory, the sum of its files)
 * @param sha256 the SHA-256 of its content (for a directory, of its files' paths and contents)
 */
public record InputFile(String role, String path, long size, String sha256) {
}
