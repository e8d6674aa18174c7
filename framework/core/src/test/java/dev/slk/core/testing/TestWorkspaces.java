package dev.slk.core.testing;

import dev.slk.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Minimal workspaces: the marker file and a modules pom, as in a fresh slk checkout. */
public final class TestWorkspaces {
    /** The modules pom of a fresh checkout, with an empty module list. */
    public static final String MODULES_POM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <parent>
                <groupId>dev.slk</groupId>
                <artifactId>slk-parent</artifactId>
                <version>0.1.0</version>
              </parent>
              <artifactId>slk-modules</artifactId>
              <packaging>pom</packaging>

              <!-- Integration modules. -->
              <modules>
              </modules>
            </project>
            """;

    private TestWorkspaces() {
    }

    /**
     * @param root an empty directory
     * @return the workspace made there
     * @throws IOException when it cannot be written
     */
    public static Workspace create(Path root) throws IOException {
        Files.writeString(root.resolve(Workspace.MARKER), "copyright.holder=Example Corp\n");
        Files.createDirectories(root.resolve("modules"));
        Files.writeString(root.resolve("modules/pom.xml"), MODULES_POM);
        return Workspace.read(root);
    }
}
