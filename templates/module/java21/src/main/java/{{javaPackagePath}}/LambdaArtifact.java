/*
 * Copyright (c) {{year}} {{copyrightHolder}}
 */
package {{javaPackage}};

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * Finds the event processor's deployment package, which the build of
 * {@code src/lambda/event-processor} writes to its {@code target/} directory: a zip with the
 * function's jar and its libraries in {@code lib/}, which Lambda's java21 runtime puts on the
 * class path.
 */
final class LambdaArtifact {
    /** The package's file name, fixed by the event processor's pom (finalName and assembly id). */
    static final String FILE_NAME = "{{moduleId}}-event-processor-lambda.zip";
    /** Where the package is, relative to the module's directory. */
    static final String IN_MODULE = "src/lambda/event-processor/target/" + FILE_NAME;

    private LambdaArtifact() {
    }

    /**
     * Looks next to the module's own build output ({@code target/classes} or the module jar, both
     * in the module's {@code target/}), then relative to the working directory, as the workspace
     * root.
     *
     * @param moduleClass the module class
     * @return the package
     * @throws IllegalStateException naming the build command when the package was not built
     */
    static Path locate(Class<?> moduleClass) {
        Path fromClasses = moduleDirectory(moduleClass).map(dir -> dir.resolve(IN_MODULE)).orElse(null);
        if (fromClasses != null && Files.isRegularFile(fromClasses)) {
            return fromClasses;
        }
        Path fromWorkingDirectory = Path.of("{{moduleDir}}").resolve(IN_MODULE).toAbsolutePath();
        if (Files.isRegularFile(fromWorkingDirectory)) {
            return fromWorkingDirectory;
        }
        throw new IllegalStateException("the {{moduleId}} event processor has not been built: "
                + (fromClasses != null ? fromClasses : fromWorkingDirectory) + " does not exist; build it with "
                + "mvn -B -ntp package -pl {{moduleDir}}/src/lambda/event-processor -am");
    }

    private static java.util.Optional<Path> moduleDirectory(Class<?> moduleClass) {
        CodeSource code = moduleClass.getProtectionDomain().getCodeSource();
        if (code == null || code.getLocation() == null) {
            return java.util.Optional.empty();
        }
        try {
            Path location = Path.of(code.getLocation().toURI());
            // target/classes/ or target/<module>.jar: the module directory is two levels up.
            Path target = location.getParent();
            if (target == null || target.getFileName() == null || !target.getFileName().toString().equals("target")) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.ofNullable(target.getParent());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
