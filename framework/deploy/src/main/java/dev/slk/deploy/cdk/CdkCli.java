package dev.slk.deploy.cdk;

import java.nio.file.Path;

/**
 * The AWS CDK CLI that slk runs: an installed {@code cdk} executable whose version was checked.
 *
 * @param executable the {@code cdk} executable
 * @param version its version, e.g. {@code 2.1148.1}
 */
public record CdkCli(Path executable, CdkVersion version) {
}
