package dev.slk.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * aws-cdk-lib for Java runs the CDK's JavaScript in a node process (jsii). Checked up front, so a
 * missing or old node is one clear line rather than a jsii stack trace.
 */
public final class NodeRuntime {
    /** Oldest node major version the jsii runtime of aws-cdk-lib supports. */
    public static final int MINIMUM_MAJOR = 18;
    private static final Pattern VERSION = Pattern.compile("^v?(\\d+)\\.(\\d+)\\.(\\d+)");

    private NodeRuntime() {
    }

    /** Node.js releases before this one are past their end of life. */
    private static final int OLDEST_SUPPORTED_MAJOR = 22;

    /**
     * @param command the node executable, normally {@code node} (jsii honours {@code JSII_NODE})
     * @return a one-line description of the version, with a note when it is end-of-life
     * @throws NodeUnavailableException when it cannot be run or is too old
     */
    public static String check(String command) {
        String output;
        try {
            Process process = new ProcessBuilder(List.of(command, "--version")).redirectErrorStream(true).start();
            process.getOutputStream().close();
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readNBytes(200), StandardCharsets.UTF_8).strip();
            }
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new NodeUnavailableException("'" + command + " --version' did not answer within 20 s");
            }
        } catch (IOException e) {
            throw new NodeUnavailableException("slk synth needs Node.js " + MINIMUM_MAJOR
                    + " or newer on PATH (aws-cdk-lib runs on it), and '" + command + "' cannot be run");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeUnavailableException("interrupted while checking Node.js");
        }
        Matcher matcher = VERSION.matcher(output);
        if (!matcher.find()) {
            throw new NodeUnavailableException("cannot read the Node.js version from '" + command + " --version': "
                    + output);
        }
        int major = Integer.parseInt(matcher.group(1));
        if (major < MINIMUM_MAJOR) {
            throw new NodeUnavailableException("slk synth needs Node.js " + MINIMUM_MAJOR + " or newer; '" + command
                    + "' is " + output);
        }
        return "Node.js " + output + (major < OLDEST_SUPPORTED_MAJOR
                ? " (end-of-life: works, but upgrade to Node.js " + OLDEST_SUPPORTED_MAJOR + " or newer)" : "");
    }

    /**
     * @param environment the process environment
     * @return the node command jsii will run: {@code JSII_NODE}, or {@code node}
     */
    public static String command(Map<String, String> environment) {
        String configured = environment.get("JSII_NODE");
        return configured == null || configured.isBlank() ? "node" : configured;
    }

    /** Node.js is missing or too old. */
    public static final class NodeUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NodeUnavailableException(String message) {
            super(message);
        }
    }
}
