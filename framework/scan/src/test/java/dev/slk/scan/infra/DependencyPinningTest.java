package dev.slk.scan.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.core.findings.Fingerprints;
import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyPinningTest {
    private static final String RULE = "infra-unpinned-dependency";

    @TempDir
    Path dir;

    private static String dependency(String artifactId, String version) {
        return "    <dependency><groupId>com.example</groupId><artifactId>" + artifactId + "</artifactId>"
                + "<version>" + version + "</version></dependency>\n";
    }

    private static String pom(String properties, String dependencies, String plugins) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
                + "  <parent><groupId>dev.slk</groupId><artifactId>slk-modules</artifactId>"
                + "<version>0.1.0-SNAPSHOT</version></parent>\n"
                + "  <properties>\n" + properties + "  </properties>\n"
                + "  <dependencies>\n" + dependencies + "  </dependencies>\n"
                + "  <build><plugins>\n" + plugins + "  </plugins></build>\n"
                + "</project>\n";
    }

    private List<String> messages(List<Finding> findings) {
        return findings.stream().map(Finding::message).toList();
    }

    @Test
    void unpinnedMavenVersionsAreFlagged() {
        String properties = "    <lib.range>[2.0,3.0)</lib.range>\n    <lib.pinned>2.1.0</lib.pinned>\n"
                + "    <indirect>${lib.range}</indirect>\n";
        String dependencies = dependency("range", "[1.0,2.0)")
                + dependency("open-below", "(,1.0]")
                + dependency("open-above", "[1.0,)")
                + dependency("latest", "LATEST")
                + dependency("release", "RELEASE")
                + dependency("snapshot", "1.2-SNAPSHOT")
                + dependency("pinned", "1.2.3")
                + dependency("property-range", "${indirect}")
                + dependency("property-pinned", "${lib.pinned}")
                + dependency("inherited", "${project.version}")
                + "    <dependency><groupId>com.example</groupId><artifactId>managed</artifactId></dependency>\n";
        String plugins = "    <plugin><artifactId>maven-shade-plugin</artifactId><version>LATEST</version></plugin>\n"
                + "    <plugin><artifactId>maven-jar-plugin</artifactId><version>3.5.0</version></plugin>\n";
        Fakes.write(dir.resolve("pom.xml"), pom(properties, dependencies, plugins));

        List<Finding> findings = DependencyPinning.check(dir, "modules/okta-logs");

        assertEquals(List.of(
                "parent dev.slk:slk-modules has version 0.1.0-SNAPSHOT, a snapshot, not one pinned version",
                "dependency com.example:range has version [1.0,2.0), a version range, not one pinned version",
                "dependency com.example:open-below has version (,1.0], a version range, not one pinned version",
                "dependency com.example:open-above has version [1.0,), a version range, not one pinned version",
                "dependency com.example:latest has version LATEST, a moving meta-version, not one pinned version",
                "dependency com.example:release has version RELEASE, a moving meta-version, not one pinned version",
                "dependency com.example:snapshot has version 1.2-SNAPSHOT, a snapshot, not one pinned version",
                "dependency com.example:property-range has version ${indirect} (= [2.0,3.0)), a version range,"
                        + " not one pinned version",
                "plugin org.apache.maven.plugins:maven-shade-plugin has version LATEST, a moving meta-version,"
                        + " not one pinned version"), messages(findings));
        Finding parent = findings.get(0);
        assertEquals(RULE, parent.ruleId());
        assertEquals(Severity.MEDIUM, parent.severity());
        assertEquals("modules/okta-logs/pom.xml", parent.location().file());
        assertEquals(3, parent.location().line());
        // The column of the version value, after "<version>".
        assertEquals(82, parent.location().column());
        assertEquals("okta-logs", parent.module());
        assertEquals(Fingerprints.of(RULE, "modules/okta-logs/pom.xml", "dev.slk:slk-modules"), parent.fingerprint());
    }

    @Test
    void pinnedPomHasNoFindings() {
        Fakes.write(dir.resolve("pom.xml"), "<project><modelVersion>4.0.0</modelVersion>\n"
                + "<dependencyManagement><dependencies>" + dependency("a", "1.0") + "</dependencies>"
                + "</dependencyManagement></project>");
        assertEquals(List.of(), DependencyPinning.check(dir, ""));
    }

    @Test
    void sameArtifactTwiceGetsTwoFingerprints() {
        String text = "<project><dependencyManagement><dependencies>" + dependency("a", "LATEST")
                + "</dependencies></dependencyManagement><dependencies>" + dependency("a", "LATEST")
                + "</dependencies></project>";
        Fakes.write(dir.resolve("pom.xml"), text);
        List<Finding> findings = DependencyPinning.check(dir, "");
        assertEquals(2, findings.size());
        assertNotEquals(findings.get(0).fingerprint(), findings.get(1).fingerprint());
    }

    @Test
    void doctypeIsRefusedAndNoEntityIsExpanded() {
        String marker = "expanded-" + Fakes.random("abcdefghij", 12, 40);
        Path target = Fakes.write(dir.resolve("outside/secret.txt"), marker);
        Fakes.write(dir.resolve("module/pom.xml"), "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE project [\n  <!ENTITY xxe SYSTEM \"" + target.toUri() + "\">\n"
                + "  <!ENTITY lol \"lol\">\n]>\n"
                + "<project><dependencies>" + dependency("a", "&xxe;&lol;") + "</dependencies></project>\n");

        List<Finding> findings = DependencyPinning.check(dir.resolve("module"), "modules/m");

        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals("infra-unchecked-file", f.ruleId());
        assertEquals(Severity.LOW, f.severity());
        assertEquals("modules/m/pom.xml", f.location().file());
        assertTrue(f.message().contains("DOCTYPE"), f.message());
        for (String field : List.of(f.message(), f.hint(), f.evidence())) {
            assertFalse(field.contains(marker));
        }
    }

    @Test
    void malformedPomIsReportedWithItsPosition() {
        Fakes.write(dir.resolve("pom.xml"), "<project>\n  <dependencies>\n</project>\n");
        List<Finding> findings = DependencyPinning.check(dir, "");
        assertEquals(1, findings.size());
        assertEquals("infra-unchecked-file", findings.get(0).ruleId());
        assertEquals(3, findings.get(0).location().line());
        assertTrue(findings.get(0).message().contains("not well-formed XML"));
    }

    @Test
    void unpinnedRequirementsAreFlagged() {
        String text = String.join("\n",
                "# pinned and commented",
                "requests==2.32.3  # the HTTP client",
                "boto3 === 1.35.0",
                "urllib3>=2.0",
                "idna>1.0",
                "certifi~=2024.2",
                "six==1.*",
                "charset-normalizer",
                "PyYAML[libyaml]>=6.0 ; python_version >= \"3.8\"",
                "  attrs<24",
                "cryptography==43.0.1 \\",
                "    --hash=sha256:0123456789abcdef",
                "-r requirements-base.txt",
                "-e git+https://example.com/repo.git#egg=thing",
                "--index-url https://pypi.org/simple",
                "pydantic @ https://example.com/pydantic-2.0-py3-none-any.whl",
                "https://example.com/wheel-1.0-py3-none-any.whl",
                "",
                "jmespath==1.0.1 --hash=sha256:00aa");
        Fakes.write(dir.resolve("lambda/requirements.txt"), text);

        List<Finding> findings = DependencyPinning.check(dir, "modules/py");

        assertEquals(List.of(
                "requirement urllib3 has version >=2.0, not one pinned version (==)",
                "requirement idna has version >1.0, not one pinned version (==)",
                "requirement certifi has version ~=2024.2, not one pinned version (==)",
                "requirement six has version ==1.*, not one pinned version (==)",
                "requirement charset-normalizer has no version",
                "requirement pyyaml has version >=6.0, not one pinned version (==)",
                "requirement attrs has version <24, not one pinned version (==)"), messages(findings));
        Finding urllib3 = findings.get(0);
        assertEquals("modules/py/lambda/requirements.txt", urllib3.location().file());
        assertEquals(4, urllib3.location().line());
        assertEquals(1, urllib3.location().column());
        assertEquals(3, findings.get(6).location().column());
        assertEquals("py", urllib3.module());
        assertEquals(Fingerprints.of(RULE, "modules/py/lambda/requirements.txt", "urllib3"), urllib3.fingerprint());
    }

    @Test
    void everyRequirementsFileOutsideBuildDirectoriesIsChecked() {
        Fakes.write(dir.resolve("requirements.txt"), "a>=1\n");
        Fakes.write(dir.resolve("requirements-dev.txt"), "b\n");
        Fakes.write(dir.resolve("src/fn/requirements.txt"), "c>1\n");
        Fakes.write(dir.resolve("target/requirements.txt"), "d>1\n");
        Fakes.write(dir.resolve("node_modules/x/requirements.txt"), "e>1\n");
        Fakes.write(dir.resolve(".git/requirements.txt"), "f>1\n");
        Fakes.write(dir.resolve("target/pom.xml"), "<project><parent><version>LATEST</version></parent></project>");
        Fakes.write(dir.resolve("constraints.txt"), "g>1\n");

        List<String> paths = DependencyPinning.check(dir, "m").stream().map(f -> f.location().file()).toList();

        assertEquals(List.of("m/requirements-dev.txt", "m/requirements.txt", "m/src/fn/requirements.txt"), paths);
        assertNull(DependencyPinning.check(dir, "m").get(0).module());
    }

    @Test
    void propertiesResolveOnlyFromThePom() {
        assertEquals(Optional.of("1.0"), DependencyPinning.resolve("${a}", Map.of("a", "${b}", "b", "1.0")));
        assertEquals(Optional.of("x-1.0"), DependencyPinning.resolve("x-${b}", Map.of("b", "1.0")));
        assertEquals(Optional.empty(), DependencyPinning.resolve("${project.version}", Map.of()));
        assertEquals(Optional.empty(), DependencyPinning.resolve("${loop}", Map.of("loop", "${loop}")));
    }
}
