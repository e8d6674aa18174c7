package dev.slk.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions fixed at build time. */
public final class BuildInfo {
    private static final Properties PROPERTIES = load();

    private BuildInfo() {
    }

    /** @return the slk version */
    public static String slkVersion() {
        return PROPERTIES.getProperty("slk.version", "unknown");
    }

    /** @return the aws-cdk-lib version slk synthesizes with */
    public static String awsCdkLibVersion() {
        return PROPERTIES.getProperty("aws-cdk-lib.version", "unknown");
    }

    /** @return the AWS CDK CLI (npm {@code aws-cdk}) version slk deploys with and install.sh installs */
    public static String awsCdkCliVersion() {
        return PROPERTIES.getProperty("aws-cdk-cli.version", "unknown");
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("slk-build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
