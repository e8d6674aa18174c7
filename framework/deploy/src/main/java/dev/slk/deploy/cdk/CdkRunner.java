package dev.slk.deploy.cdk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the CDK CLI on a cloud assembly ({@code --app <assembly>}, never a CDK app of its own),
 * streaming each line it prints as it prints it.
 */
public final class CdkRunner {
    private final CdkCli cli;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final Duration timeout;

    /**
     * @param cli the checked CLI
     * @param environment the environment to run it in (changed by {@link CdkEnvironment#apply})
     * @param workingDirectory where it runs (it writes nothing there with {@code --app <assembly>})
     * @param timeout how long one run may take before it is stopped
     */
    public CdkRunner(CdkCli cli, Map<String, String> environment, Path workingDirectory, Duration timeout) {
        this.cli = cli;
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory;
        this.timeout = timeout;
    }

    /** @return the CLI this runner runs */
    public CdkCli cli() {
        return cli;
    }

    /**
     * @param arguments the CLI's arguments, e.g. {@code deploy --app cdk.out ...}
     * @param progress receives every line as it is printed
     * @return what it did
     * @throws IOException when it cannot be started
     */
    public CdkRun run(List<String> arguments, Consumer<String> progress) throws IOException {
        long start = System.nanoTime();
        List<String> command = new ArrayList<>();
        command.add(cli.executable().toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        CdkEnvironment.apply(builder.environment());
        Process process = builder.start();
        process.getOutputStream().close();
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    progress.accept(line);
                }
            } catch (IOException e) {
                // The process was stopped; what it printed so far is kept.
            }
        }, "cdk-output");
        reader.setDaemon(true);
        reader.start();
        try {
            boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
            synchronized (lines) {
                if (!ended) {
                    lines.add("slk: the CDK CLI was stopped after " + timeout.toSeconds() + " s");
                }
                return new CdkRun(ended ? process.exitValue() : -1, lines, (System.nanoTime() - start) / 1_000_000);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the CDK CLI ran", e);
        }
    }
}
