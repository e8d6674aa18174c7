package dev.slk.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AggregatorPomTest {
    private static final String HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <parent>
                <groupId>dev.slk</groupId>
                <artifactId>slk-parent</artifactId>
                <version>0.1.0</version>
              </parent>
              <artifactId>slk-modules</artifactId>
              <packaging>pom</packaging>
            """;

    @Test
    void readsTheCoordinatesInheritingFromTheParent() throws Exception {
        AggregatorPom pom = AggregatorPom.parse("modules/pom.xml", HEAD + "</project>\n");
        assertEquals(List.of("dev.slk", "slk-modules", "0.1.0"), List.of(pom.groupId(), pom.artifactId(), pom.version()));
        assertEquals(List.of(), pom.modules());
    }

    @Test
    void addsToAnEmptyListKeepingTheCommentsAndLayout() throws Exception {
        String text = HEAD + """
                  <!-- Integration modules are listed here. <modules> in a comment is not the list. -->
                  <modules>
                  </modules>

                  <build/>
                </project>
                """;
        String after = AggregatorPom.parse("modules/pom.xml", text).withModules(List.of("okta-logs", "okta-logs/src/lambda/x"));
        assertEquals(text.replace("  <modules>\n  </modules>", "  <modules>\n    <module>okta-logs</module>\n"
                + "    <module>okta-logs/src/lambda/x</module>\n  </modules>"), after);
    }

    @Test
    void appendsAfterTheExistingEntriesWithTheirIndentation() throws Exception {
        String text = HEAD + "\t<modules>\n\t\t<module>a</module>\n\t</modules>\n</project>\n";
        String after = AggregatorPom.parse("p", text).withModules(List.of("a", "b"));
        assertEquals(text.replace("\t\t<module>a</module>\n", "\t\t<module>a</module>\n\t\t<module>b</module>\n"), after);
    }

    @Test
    void onlyTheProjectsOwnListIsChangedNotAProfiles() throws Exception {
        String text = HEAD + """
                  <profiles>
                    <profile>
                      <id>extra</id>
                      <modules>
                        <module>extra</module>
                      </modules>
                    </profile>
                  </profiles>
                </project>
                """;
        AggregatorPom pom = AggregatorPom.parse("p", text);
        String after = pom.withModules(List.of("new"));
        assertEquals(List.of("new"), AggregatorPom.parse("p", after).modules());
        assertTrue(after.contains("<module>extra</module>"));
    }

    @Test
    void aSelfClosingListIsExpanded() throws Exception {
        String after = AggregatorPom.parse("p", HEAD + "  <modules/>\n</project>\n").withModules(List.of("x"));
        assertEquals(List.of("x"), AggregatorPom.parse("p", after).modules());
    }

    @Test
    void windowsLineEndingsAreKept() throws Exception {
        String text = (HEAD + "  <modules>\n  </modules>\n</project>\n").replace("\n", "\r\n");
        String after = AggregatorPom.parse("p", text).withModules(List.of("x"));
        assertTrue(after.contains("    <module>x</module>\r\n  </modules>"), after);
        assertTrue(!after.replace("\r\n", "").contains("\n"));
    }

    @Test
    void alreadyListedModulesChangeNothing() throws Exception {
        String text = HEAD + "  <modules>\n    <module>x</module>\n  </modules>\n</project>\n";
        assertEquals(text, AggregatorPom.parse("p", text).withModules(List.of("x")));
    }

    @Test
    void aPomThatIsNotAnAggregatorIsRefused() {
        ScaffoldException jar = assertThrows(ScaffoldException.class, () -> AggregatorPom.parse("modules/pom.xml",
                HEAD.replace("<packaging>pom</packaging>", "") + "</project>"));
        assertEquals("modules/pom.xml has packaging 'jar'; modules are listed in a pom with <packaging>pom</packaging>",
                jar.getMessage());
        ScaffoldException broken = assertThrows(ScaffoldException.class,
                () -> AggregatorPom.parse("modules/pom.xml", HEAD + "<modules>"));
        assertTrue(broken.getMessage().startsWith("modules/pom.xml:"), broken.getMessage());
        ScaffoldException doctype = assertThrows(ScaffoldException.class, () -> AggregatorPom.parse("p",
                "<?xml version=\"1.0\"?><!DOCTYPE project [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><project>&x;</project>"));
        assertTrue(doctype.getMessage().contains("DOCTYPE"), doctype.getMessage());
    }
}
