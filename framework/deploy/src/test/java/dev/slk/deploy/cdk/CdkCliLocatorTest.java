package dev.slk.deploy.cdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CdkCliLocatorTest {
    @TempDir
    Path dir;

    @Test
    void thePinnedCliIsFoundThroughTheVariableAndItsVersionChecked() {
        CdkCli installed = TestCdkCli.get();
        CdkCli found = CdkCliLocator.locate(Map.of(CdkCliLocator.VARIABLE, installed.executable().toString()));
        assertEquals(CdkCliLocator.pinned(), found.version());
        assertEquals(2, found.version().major());
    }

    @Test
    void aMissingCliIsOneLineNamingWhereAndWhatToDo() {
        Path missing = dir.resolve("nowhere/cdk");
        CdkCliUnavailableException e = assertThrows(CdkCliUnavailableException.class,
                () -> CdkCliLocator.locate(Map.of(CdkCliLocator.VARIABLE, missing.toString())));
        assertEquals("the AWS CDK CLI (npm aws-cdk " + CdkCliLocator.pinned() + ") is not installed at " + missing
                + "; run ./install.sh from the slk repository, or set SLK_CDK_CLI to a cdk 2.x executable",
                e.getMessage());
    }

    @Test
    void aMajorVersionThreeCliIsRefusedBecauseItRefusesTheAssemblies() throws IOException {
        Path fake = script("echo '3.0.1 (build abc)'");
        CdkCliUnavailableException e = assertThrows(CdkCliUnavailableException.class, () -> CdkCliLocator.check(fake));
        assertTrue(e.getMessage().startsWith("the AWS CDK CLI at " + fake + " is 3.0.1; slk needs 2.x at "
                + CdkCliLocator.pinned() + " or later (3.x refuses the cloud assemblies of aws-cdk-lib"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void anOlderTwoXCliIsRefused() throws IOException {
        Path fake = script("echo '2.100.0 (build abc)'");
        CdkCliUnavailableException e = assertThrows(CdkCliUnavailableException.class, () -> CdkCliLocator.check(fake));
        assertTrue(e.getMessage().contains(" is 2.100.0; slk needs 2.x at "), e.getMessage());
    }

    @Test
    void aCliThatFailsIsReportedWithItsFirstLine() throws IOException {
        Path fake = script("echo 'Error: Cannot find module' >&2; exit 1");
        CdkCliUnavailableException e = assertThrows(CdkCliUnavailableException.class, () -> CdkCliLocator.check(fake));
        assertTrue(e.getMessage().contains("--version' failed (exit 1): Error: Cannot find module;"), e.getMessage());
    }

    @Test
    void variablesTheCliWouldReadAsOptionsAreRemovedAndTelemetryIsOff() {
        Map<String, String> environment = new HashMap<>(Map.of("CDK", "x", "CDKCLI", "y", "CDK_DEFAULT_REGION",
                "eu-west-1", "PATH", "/usr/bin"));
        CdkEnvironment.apply(environment);
        assertEquals(Map.of("CDK_DEFAULT_REGION", "eu-west-1", "PATH", "/usr/bin", "CDK_DISABLE_CLI_TELEMETRY", "true",
                "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "14,16,18,20", "NODE_NO_WARNINGS", "1"), environment);
    }

    private Path script(String body) throws IOException {
        Path file = dir.resolve("cdk");
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
