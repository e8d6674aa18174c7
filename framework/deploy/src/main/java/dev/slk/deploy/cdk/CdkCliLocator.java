package dev.slk.deploy.cdk;

import dev.slk.core.BuildInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds the AWS CDK CLI that install.sh put in slk's install prefix ({@code <share>/slk/cdk}) and
 * checks its version. {@value #VARIABLE} names another {@code cdk} executable; the variable's name
 * deliberately does not start with {@code CDK}, because the CDK CLI reads every such variable as an
 * option of its own.
 */
public final class CdkCliLocator {
    /** The environment variable that names a {@code cdk} executable instead of the installed one. */
    public static final String VARIABLE = "SLK_CDK_CLI";
    /** The system property that does the same (tests). */
    public static final String PROPERTY = "slk.cdk.cli";
    /** Where install.sh puts the CLI, relative to slk's home ({@code $PREFIX/share/slk}). */
    public static final String INSTALL_DIRECTORY = "cdk";
    private static final String INSTALL_HINT = "run ./install.sh from the slk repository, or set " + VARIABLE
            + " to a cdk " + pinned().major() + ".x executable";

    private CdkCliLocator() {
    }

    /** @return the version install.sh installs and slk is tested with */
    public static CdkVersion pinned() {
        return CdkVersion.parse(BuildInfo.awsCdkCliVersion());
    }

    /**
     * @param environment the process environment
     * @return the CLI, its version checked
     * @throws CdkCliUnavailableException when it is missing, cannot be run, or is of the wrong version
     */
    public static CdkCli locate(Map<String, String> environment) {
        Path executable = configured(environment).orElseGet(CdkCliLocator::installed);
        if (!Files.isRegularFile(executable)) {
            throw new CdkCliUnavailableException("the AWS CDK CLI (npm aws-cdk " + pinned() + ") is not installed at "
                    + executable + "; " + INSTALL_HINT);
        }
        return check(executable);
    }

    /**
     * @param executable a {@code cdk} executable
     * @return it, with its version, when slk can deploy with it
     * @throws CdkCliUnavailableException otherwise
     */
    public static CdkCli check(Path executable) {
        String output = versionOutput(executable);
        CdkVersion version = CdkVersion.find(output).orElseThrow(() -> new CdkCliUnavailableException(
                "cannot read the AWS CDK CLI version from '" + executable + " --version' (" + firstLine(output) + "); "
                        + INSTALL_HINT));
        CdkVersion pinned = pinned();
        if (version.major() != pinned.major() || version.compareTo(pinned) < 0) {
            throw new CdkCliUnavailableException("the AWS CDK CLI at " + executable + " is " + version + "; slk needs "
                    + pinned.major() + ".x at " + pinned + " or later (" + (version.major() > pinned.major()
                            ? "3.x refuses the cloud assemblies of aws-cdk-lib " + BuildInfo.awsCdkLibVersion()
                            : "older ones may refuse the cloud assemblies of aws-cdk-lib " + BuildInfo.awsCdkLibVersion())
                    + "); " + INSTALL_HINT);
        }
        return new CdkCli(executable, version);
    }

    private static Optional<Path> configured(Map<String, String> environment) {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Optional.of(Path.of(property));
        }
        String variable = environment.get(VARIABLE);
        return variable == null || variable.isBlank() ? Optional.empty() : Optional.of(Path.of(variable));
    }

    /** @return {@code <home>/cdk/node_modules/.bin/cdk}, home being the directory above this jar's lib/ */
    static Path installed() {
        return slkHome().resolve(INSTALL_DIRECTORY).resolve("node_modules").resolve(".bin").resolve("cdk");
    }

    private static Path slkHome() {
        CodeSource source = CdkCliLocator.class.getProtectionDomain().getCodeSource();
        try {
            Path jar = source == null ? null : Path.of(source.getLocation().toURI());
            Path lib = jar == null ? null : jar.toAbsolutePath().getParent();
            if (lib != null && lib.getParent() != null) {
                return lib.getParent();
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // Not loaded from a file: fall through to the working directory.
        }
        return Path.of("").toAbsolutePath();
    }

    private static String versionOutput(Path executable) {
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of(executable.toString(), "--version"))
                    .redirectErrorStream(true);
            CdkEnvironment.apply(builder.environment());
            Process process = builder.start();
            process.getOutputStream().close();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new CdkCliUnavailableException("'" + executable + " --version' did not answer within 60 s");
            }
            if (process.exitValue() != 0) {
                throw new CdkCliUnavailableException("'" + executable + " --version' failed (exit "
                        + process.exitValue() + "): " + firstLine(output) + "; " + INSTALL_HINT);
            }
            return output;
        } catch (IOException e) {
            throw new CdkCliUnavailableException("the AWS CDK CLI at " + executable + " cannot be run ("
                    + e.getMessage() + "); " + INSTALL_HINT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CdkCliUnavailableException("interrupted while checking the AWS CDK CLI");
        }
    }

    static String firstLine(String text) {
        return text.lines().filter(l -> !l.isBlank()).findFirst().orElse("no output");
    }
}
