package dev.slk.stack.assets;

import dev.slk.kit.FunctionArtifact;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the deployment artifacts (zip files) of slk's own Lambda functions are. The build puts
 * them in a {@code lambda/} directory beside the {@code lib/} directory that holds this jar, and
 * install.sh keeps that layout; tests and developers may point elsewhere with the system
 * property {@code slk.lambda.dir} or the environment variable {@code SLK_LAMBDA_DIR}.
 */
public final class LambdaArtifacts {
    /** The system property that overrides the artifact directory. */
    public static final String DIRECTORY_PROPERTY = "slk.lambda.dir";

    private final Path directory;

    /** @param directory the directory holding {@code <artifactId>-<version>-lambda.zip} files */
    public LambdaArtifacts(Path directory) {
        this.directory = directory;
    }

    /** @return the artifacts of this installation */
    public static LambdaArtifacts locate() {
        String property = System.getProperty(DIRECTORY_PROPERTY);
        if (property != null && !property.isBlank()) {
            return new LambdaArtifacts(Path.of(property));
        }
        String variable = System.getenv("SLK_LAMBDA_DIR");
        if (variable != null && !variable.isBlank()) {
            return new LambdaArtifacts(Path.of(variable));
        }
        return new LambdaArtifacts(besideThisJar().orElse(Path.of("lambda")));
    }

    private static Optional<Path> besideThisJar() {
        return FunctionArtifact.codeLocation(LambdaArtifacts.class).map(Path::getParent)
                .filter(lib -> lib.getParent() != null).map(lib -> lib.getParent().resolve("lambda"));
    }

    /** @return the directory searched */
    public Path directory() {
        return directory;
    }

    /**
     * @param function the function
     * @return the one zip of that function
     * @throws MissingLambdaArtifactException when there is none, or more than one
     */
    public Path zip(CoreFunction function) {
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(directory)) {
            try (DirectoryStream<Path> files =
                    Files.newDirectoryStream(directory, function.artifactId() + "-*-lambda.zip")) {
                files.forEach(found::add);
            } catch (IOException e) {
                throw new MissingLambdaArtifactException(function.label() + ": cannot list " + directory + ": " + e.getMessage());
            }
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            throw new MissingLambdaArtifactException("the deployment artifact of the " + function.label()
                    + " is missing: expected " + directory.resolve(function.artifactId() + "-<version>-lambda.zip")
                    + " (build slk with 'mvn package', or set " + DIRECTORY_PROPERTY + ")");
        }
        throw new MissingLambdaArtifactException("more than one deployment artifact of the " + function.label()
                + " in " + directory + ": " + found.stream().map(p -> p.getFileName().toString()).sorted().toList());
    }

    /** A function's artifact cannot be found; the message says where it was looked for. */
    public static final class MissingLambdaArtifactException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingLambdaArtifactException(String message) {
            super(message);
        }
    }
}
