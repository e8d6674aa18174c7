package dev.slk.scan.files;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IgnoreRulesTest {
    private static IgnoreRules rules(String... lines) {
        return IgnoreRules.NONE.with("", String.join("\n", lines));
    }

    private static void assertIgnored(IgnoreRules rules, String path) {
        assertTrue(rules.ignored(path, false), path + " should be ignored");
    }

    private static void assertKept(IgnoreRules rules, String path) {
        assertFalse(rules.ignored(path, false), path + " should not be ignored");
    }

    @Test
    void blankLinesAndCommentsMatchNothing() {
        IgnoreRules rules = rules("", "   ", "# secret.txt", "#");
        assertKept(rules, "secret.txt");
        assertKept(rules, "# secret.txt");
        assertKept(rules, "#");
    }

    @Test
    void escapedHashAndBangAreLiterals() {
        IgnoreRules rules = rules("\\#notes", "\\!important");
        assertIgnored(rules, "#notes");
        assertIgnored(rules, "!important");
        assertKept(rules, "important");
    }

    @Test
    void trailingSpacesAreTrimmedUnlessEscaped() {
        assertIgnored(rules("a.txt   "), "a.txt");
        assertIgnored(rules("a\\ "), "a ");
        assertKept(rules("a\\ "), "a");
    }

    @Test
    void crlfLineEndingsAreAccepted() {
        IgnoreRules rules = IgnoreRules.NONE.with("", "a.txt\r\nb/\r\n");
        assertIgnored(rules, "a.txt");
        assertTrue(rules.ignored("b", true));
    }

    @Test
    void negationReincludesAndTheLastMatchWins() {
        IgnoreRules rules = rules("*.log", "!keep.log");
        assertIgnored(rules, "debug.log");
        assertKept(rules, "keep.log");
        IgnoreRules reversed = rules("!keep.log", "*.log");
        assertIgnored(reversed, "keep.log");
    }

    @Test
    void trailingSlashMatchesDirectoriesOnly() {
        IgnoreRules rules = rules("build/");
        assertTrue(rules.ignored("build", true));
        assertTrue(rules.ignored("sub/build", true));
        assertFalse(rules.ignored("build", false));
    }

    @Test
    void patternWithoutSlashMatchesAtAnyDepth() {
        IgnoreRules rules = rules("secret.env");
        assertIgnored(rules, "secret.env");
        assertIgnored(rules, "a/b/secret.env");
        assertTrue(rules.ignored("a/secret.env", true));
    }

    @Test
    void leadingSlashAnchorsToTheDirectory() {
        IgnoreRules rules = rules("/secret.env");
        assertIgnored(rules, "secret.env");
        assertKept(rules, "a/secret.env");
    }

    @Test
    void middleSlashAnchorsToo() {
        IgnoreRules rules = rules("config/local.yaml");
        assertIgnored(rules, "config/local.yaml");
        assertKept(rules, "app/config/local.yaml");
    }

    @Test
    void starAndQuestionMarkDoNotCrossSlashes() {
        IgnoreRules star = rules("docs/*.md");
        assertIgnored(star, "docs/a.md");
        assertIgnored(star, "docs/.md");
        assertKept(star, "docs/sub/a.md");
        IgnoreRules question = rules("file?.txt");
        assertIgnored(question, "file1.txt");
        assertKept(question, "file10.txt");
        assertKept(question, "file.txt");
        assertKept(rules("a?b"), "a/b");
    }

    @Test
    void starMatchesDotFiles() {
        assertIgnored(rules("*"), ".env");
        assertIgnored(rules("*.env"), ".env");
    }

    @Test
    void leadingDoubleStarMatchesInEveryDirectory() {
        IgnoreRules rules = rules("**/logs/debug.log");
        assertIgnored(rules, "logs/debug.log");
        assertIgnored(rules, "a/b/logs/debug.log");
        assertKept(rules, "a/logs/x/debug.log");
    }

    @Test
    void trailingDoubleStarMatchesEverythingInside() {
        IgnoreRules rules = rules("cache/**");
        assertIgnored(rules, "cache/a");
        assertIgnored(rules, "cache/a/b/c");
        assertFalse(rules.ignored("cache", true));
        assertKept(rules, "x/cache/a");
    }

    @Test
    void middleDoubleStarMatchesZeroOrMoreDirectories() {
        IgnoreRules rules = rules("a/**/b");
        assertIgnored(rules, "a/b");
        assertIgnored(rules, "a/x/b");
        assertIgnored(rules, "a/x/y/b");
        assertKept(rules, "a/xb");
        assertKept(rules, "c/a/b");
    }

    @Test
    void doubleStarInsideASegmentIsAPlainStar() {
        IgnoreRules rules = rules("a**z");
        assertIgnored(rules, "abcz");
        assertKept(rules, "a/z");
    }

    @Test
    void characterClasses() {
        IgnoreRules rules = rules("file[abc].txt", "log[0-9]", "x[!a-y]", "y[^0]", "[]]z", "p[[:digit:]]");
        assertIgnored(rules, "fileb.txt");
        assertKept(rules, "filed.txt");
        assertIgnored(rules, "log7");
        assertKept(rules, "logx");
        assertIgnored(rules, "xz");
        assertKept(rules, "xb");
        assertIgnored(rules, "y1");
        assertKept(rules, "y0");
        assertIgnored(rules, "]z");
        assertIgnored(rules, "p5");
        assertKept(rules, "pa");
    }

    @Test
    void bracketsNeverMatchASlash() {
        assertKept(rules("a[!x]b"), "a/b");
        assertKept(rules("a[/]b"), "a/b");
    }

    @Test
    void escapedSpecialCharactersAreLiterals() {
        IgnoreRules rules = rules("\\*.txt", "q\\?", "\\[x\\]");
        assertIgnored(rules, "*.txt");
        assertKept(rules, "a.txt");
        assertIgnored(rules, "q?");
        assertKept(rules, "q1");
        assertIgnored(rules, "[x]");
    }

    @Test
    void regexCharactersAreLiterals() {
        IgnoreRules rules = rules("a+b(c).$", "x\\\\E.y");
        assertIgnored(rules, "a+b(c).$");
        assertKept(rules, "aab(c).$");
        assertIgnored(rules, "x\\E.y");
    }

    @Test
    void malformedPatternsMatchNothing() {
        IgnoreRules rules = rules("[abc", "trailing\\", "[[:nope:]]");
        assertKept(rules, "[abc");
        assertKept(rules, "a");
        assertKept(rules, "trailing\\");
        assertKept(rules, "trailing");
    }

    @Test
    void deeperFilesTakePrecedenceAndPatternsAreRelativeToTheirDirectory() {
        IgnoreRules root = rules("*.secret", "/top.txt");
        IgnoreRules sub = root.with("sub", "!keep.secret\n/local.txt\n");
        assertIgnored(sub, "sub/a.secret");
        assertKept(sub, "sub/keep.secret");
        assertIgnored(sub, "sub/local.txt");
        assertKept(sub, "local.txt");
        assertKept(sub, "sub/x/local.txt");
        assertIgnored(sub, "top.txt");
        assertKept(sub, "sub/top.txt");
    }
}
