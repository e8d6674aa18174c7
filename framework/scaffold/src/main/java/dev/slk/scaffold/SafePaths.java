package dev.slk.scaffold;

import java.nio.file.Path;
import java.util.List;

/** Paths below a root that slk may write to: no symbolic link anywhere between the root and the file. */
final class SafePaths {
    private SafePaths() {
    }

    /**
     * @param root the workspace root
     * @param parts plain path segments (no {@code ..})
     * @return the path below the root
     */
    static Path resolve(Path root, List<String> parts) {
        Path path = root;
        for (String part : parts) {
            path = path.resolve(part);
        }
        return path;
    }

    /**
     * @param root the workspace root (itself may be a link, e.g. /tmp on some systems)
     * @param parts segments below it
     * @throws ScaffoldException when an existing segment is a symbolic link
     */
    static void refuseSymlinks(Path root, List<String> parts) throws ScaffoldException {
        Path path = root;
        StringBuilder shown = new StringBuilder();
        for (String part : parts) {
            path = path.resolve(part);
            shown.append(shown.length() == 0 ? "" : "/").append(part);
            if (java.nio.file.Files.isSymbolicLink(path)) {
                throw new ScaffoldException(shown + " is a symbolic link; slk does not write through links");
            }
        }
    }
}
