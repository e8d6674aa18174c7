package dev.slk.kit;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/**
 * Finds a module function's deployment package, which the function's own build writes below the
 * module's directory (for a generated module:
 * {@code src/lambda/<function>/target/<moduleId>-<function>-lambda.zip}).
 */
public final class FunctionArtifact {
    private FunctionArtifact() {
    }

    /**
     * Looks below the directory of the module's own build output ({@code target/classes} or the
     * module jar, both in the module's {@code target/}), then below {@code moduleDirectory}
     * relative to the working directory (the workspace root, where slk runs).
     *
     * @param moduleClass the module class
     * @param moduleDirectory the module's directory relative to the workspace, e.g. {@code modules/okta}
     * @param inModule the package's path relative to the module's directory
     * @return the package
     * @throws IllegalStateException naming where it looked and the build command when it is not built
     */
    public static Path locate(Class<?> moduleClass, String moduleDirectory, String inModule) {
        Path fromClasses = moduleDirectory(moduleClass).map(dir -> dir.resolve(inModule)).orElse(null);
        if (fromClasses != null && Files.isRegularFile(fromClasses)) {
            return fromClasses;
        }
        Path fromWorkingDirectory = Path.of(moduleDirectory).resolve(inModule).toAbsolutePath();
        if (Files.isRegularFile(fromWorkingDirectory)) {
            return fromWorkingDirectory;
        }
        Path function = Path.of(inModule);
        String project = function.getParent() != null && function.getParent().getParent() != null
                ? moduleDirectory + "/" + function.getParent().getParent() : moduleDirectory;
        throw new IllegalStateException("the deployment package of " + moduleClass.getSimpleName()
                + " has not been built: " + (fromClasses != null ? fromClasses : fromWorkingDirectory)
                + " does not exist; build it with mvn -B -ntp package -pl " + project + " -am");
    }

    /**
     * @param type a class
     * @return the directory that holds the {@code target/} its class file or jar is in
     */
    static Optional<Path> moduleDirectory(Class<?> type) {
        return codeLocation(type).map(Path::getParent)
                .filter(target -> target.getFileName() != null && target.getFileName().toString().equals("target"))
                .map(Path::getParent);
    }

    /**
     * @param type a class
     * @return the class path entry (directory or jar) it was loaded from, when it has one
     */
    public static Optional<Path> codeLocation(Class<?> type) {
        CodeSource code = type.getProtectionDomain().getCodeSource();
        if (code == null || code.getLocation() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(code.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
