package dev.slk.scan.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class SourceTreeTest {
    private static final long NO_LIMIT = Long.MAX_VALUE;

    @TempDir
    Path dir;
    private Path root;

    @BeforeEach
    void createRoot() throws IOException {
        root = Files.createDirectory(dir.resolve("root"));
    }

    private Path write(String relativePath, String content) throws IOException {
        Path file = root.resolve(relativePath);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private Path link(String relativePath, String target) throws IOException {
        Path link = root.resolve(relativePath);
        Files.createDirectories(link.getParent());
        return Files.createSymbolicLink(link, Path.of(target));
    }

    private SourceTree.Walk walk() throws IOException {
        return SourceTree.walk(root, NO_LIMIT);
    }

    private static List<String> paths(SourceTree.Walk walk) {
        return walk.files().stream().map(ScanFile::relativePath).toList();
    }

    @Test
    void walksRecursivelyInPathOrder() throws IOException {
        write("b.txt", "b");
        write("a/z/deep.txt", "z");
        write("a/c.txt", "c");
        write("a.yaml", "a");
        SourceTree.Walk walk = walk();
        assertEquals(List.of("a.yaml", "a/c.txt", "a/z/deep.txt", "b.txt"), paths(walk));
        assertEquals(root.resolve("a/z/deep.txt"), walk.files().get(2).path());
        assertEquals(List.of(), walk.notices());
    }

    @Test
    void alwaysSkipsGitBuildAndDependencyDirectories() throws IOException {
        write(".git/config", "[core]");
        write("target/classes/app.properties", "password=x");
        write("web/node_modules/lib/index.js", "x");
        write("infra/cdk.out/manifest.json", "{}");
        write("infra/app.ts", "x");
        write("docs/target", "a file named target is scanned");
        assertEquals(List.of("docs/target", "infra/app.ts"), paths(walk()));
    }

    @Test
    void honoursTheRootGitignore() throws IOException {
        write(".gitignore", "# local files\n*.log\n/secret.env\nbuild/\n");
        write("app.log", "x");
        write("sub/app.log", "x");
        write("secret.env", "x");
        write("sub/secret.env", "x");
        write("build/out.txt", "x");
        write("src/build", "a file, not a directory");
        assertEquals(List.of(".gitignore", "src/build", "sub/secret.env"), paths(walk()));
    }

    @Test
    void nestedGitignorePatternsAreRelativeToTheirDirectory() throws IOException {
        write(".gitignore", "*.tmp\n");
        write("a/.gitignore", "/local.txt\n!keep.tmp\n");
        write("local.txt", "x");
        write("a/local.txt", "x");
        write("a/b/local.txt", "x");
        write("a/x.tmp", "x");
        write("a/keep.tmp", "x");
        write("b/keep.tmp", "x");
        assertEquals(List.of(".gitignore", "a/.gitignore", "a/b/local.txt", "a/keep.tmp", "local.txt"), paths(walk()));
    }

    @Test
    void negationReincludesAFile() throws IOException {
        write(".gitignore", "config/*\n!config/example.yaml\n");
        write("config/prod.yaml", "x");
        write("config/example.yaml", "x");
        assertEquals(List.of(".gitignore", "config/example.yaml"), paths(walk()));
    }

    @Test
    void anIgnoredDirectoryIsNotDescendedInto() throws IOException {
        // As in git, a file cannot be re-included when a parent directory is excluded.
        write(".gitignore", "vendor/\n!vendor/keep.txt\n");
        write("vendor/keep.txt", "x");
        write("vendor/.gitignore", "!*\n");
        assertEquals(List.of(".gitignore"), paths(walk()));
    }

    @Test
    void doubleStarPatternsInAGitignore() throws IOException {
        write(".gitignore", "**/fixtures/*.pem\nlogs/**\ndocs/**/draft.md\n");
        write("fixtures/a.pem", "x");
        write("test/fixtures/b.pem", "x");
        write("test/fixtures/c.txt", "x");
        write("logs/2024/app.txt", "x");
        write("docs/draft.md", "x");
        write("docs/a/b/draft.md", "x");
        write("docs/final.md", "x");
        assertEquals(List.of(".gitignore", "docs/final.md", "test/fixtures/c.txt"), paths(walk()));
    }

    @Test
    void honoursGitInfoExcludeBelowTheGitignore() throws IOException {
        write(".git/info/exclude", "*.local\nnotes.txt\n");
        write(".gitignore", "!notes.txt\n");
        write("a.local", "x");
        write("notes.txt", "x");
        assertEquals(List.of(".gitignore", "notes.txt"), paths(walk()));
    }

    @Test
    void aSymbolicLinkedGitignoreIsNotRead() throws IOException {
        Files.writeString(dir.resolve("patterns"), "*.txt\n");
        link(".gitignore", "../patterns");
        write("a.txt", "x");
        SourceTree.Walk walk = walk();
        assertEquals(List.of("a.txt"), paths(walk));
        assertEquals(List.of(new FileNotice(".gitignore", "skipped: symbolic link to a path outside the scanned root")),
                walk.notices());
    }

    @Test
    void theWalkReadsNoContentSoBinaryFilesAreLeftToTheScan() throws IOException {
        // Binary files are told apart where they are read (SecurityScanTest): each file is opened once.
        Files.createDirectories(root.resolve("img"));
        Files.write(root.resolve("img/logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        write("readme.md", "text");
        SourceTree.Walk walk = walk();
        assertEquals(List.of("img/logo.png", "readme.md"), paths(walk));
        assertEquals(List.of(), walk.notices());
    }

    @Test
    void filesAreHandedOverAsTheyAreFoundWithTheSameResult() throws IOException {
        write("b.txt", "b");
        write("a/c.txt", "c");
        Files.write(root.resolve(".gitignore"), "ignored.txt\n".getBytes(StandardCharsets.UTF_8));
        write("ignored.txt", "x");
        List<ScanFile> handed = new java.util.ArrayList<>();
        List<FileNotice> notices = SourceTree.walk(root, NO_LIMIT, handed::add);
        assertEquals(walk().notices(), notices);
        assertEquals(java.util.Set.copyOf(walk().files()), java.util.Set.copyOf(handed));
        assertEquals(3, handed.size()); // .gitignore, a/c.txt, b.txt
    }

    @Test
    void filesOverTheLimitAreSkippedWithANotice() throws IOException {
        Path big = root.resolve("dump.sql");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(12_897_485); // 12.3 MiB
        }
        write("small.txt", "x");
        SourceTree.Walk walk = SourceTree.walk(root, 5L * 1024 * 1024);
        assertEquals(List.of("small.txt"), paths(walk));
        assertEquals(List.of(new FileNotice("dump.sql", "skipped: 12.3 MiB is over the 5 MiB limit")), walk.notices());
    }

    @Test
    void latin1TextIsScanned() throws IOException {
        Files.write(root.resolve("legacy.properties"), "passw\u00f6rd=s3cr3t\n".getBytes(StandardCharsets.ISO_8859_1));
        SourceTree.Walk walk = walk();
        assertEquals(List.of("legacy.properties"), paths(walk));
        byte[] bytes = Files.readAllBytes(walk.files().get(0).path());
        assertEquals("passw\u00f6rd=s3cr3t\n", TextDecoder.decode(bytes).orElseThrow());
    }

    @Test
    void utf16TextIsScannedThoughItHasZeroBytes() throws IOException {
        byte[] text = "key=value\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[text.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(text, 0, withBom, 2, text.length);
        Files.write(root.resolve("win.ini"), withBom);
        assertEquals(List.of("win.ini"), paths(walk()));
    }

    @Test
    void aLinkInsideTheRootIsFollowedOnceAndFilesAreReportedWhereTheyAre() throws IOException {
        write("config/app.yaml", "x");
        link("a-config", "config");
        link("alias.yaml", "config/app.yaml");
        link("config/again", "../config");
        SourceTree.Walk walk = walk();
        assertEquals(List.of("config/app.yaml"), paths(walk));
        assertEquals(List.of(), walk.notices());
    }

    @Test
    void aLinkToADirectoryReachableOnlyThroughItIsWalked() throws IOException {
        write(".gitignore", "/shared/\n");
        write("shared/keys.env", "x");
        link("app/shared", "../shared");
        SourceTree.Walk walk = walk();
        assertEquals(List.of(".gitignore", "app/shared/keys.env"), paths(walk));
        assertEquals(root.resolve("app/shared/keys.env"), walk.files().get(1).path());
    }

    @Test
    void aLinkIntoAnAlwaysSkippedDirectoryIsNotFollowed() throws IOException {
        write("node_modules/pkg/index.js", "x");
        link("pkg", "node_modules/pkg");
        assertEquals(List.of(), paths(walk()));
    }

    @Test
    void aLinkOutsideTheRootIsSkippedWithANotice() throws IOException {
        Path outside = Files.createDirectory(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "x");
        link("ext", outside.toString());
        link("sub/file.txt", outside.resolve("secret.txt").toString());
        SourceTree.Walk walk = walk();
        assertEquals(List.of(), paths(walk));
        String message = "skipped: symbolic link to a path outside the scanned root";
        assertEquals(List.of(new FileNotice("ext", message), new FileNotice("sub/file.txt", message)), walk.notices());
    }

    @Test
    void anIgnoredLinkOutsideTheRootGivesNoNotice() throws IOException {
        write(".gitignore", "ext\n");
        link("ext", dir.toString());
        assertEquals(List.of(), walk().notices());
    }

    @Test
    void aBrokenLinkIsANotice() throws IOException {
        link("gone.txt", "missing.txt");
        assertEquals(List.of(new FileNotice("gone.txt", "skipped: broken symbolic link")), walk().notices());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void linkLoopsEnd() throws IOException {
        write("a/file.txt", "x");
        link("a/up", "..");
        link("a/b", "../c");
        write("c/other.txt", "y");
        link("c/d", "../a");
        link("self", "self");
        SourceTree.Walk walk = walk();
        assertEquals(List.of("a/file.txt", "c/other.txt"), paths(walk));
        assertEquals(1, walk.notices().size());
        assertEquals("self", walk.notices().get(0).relativePath());
        assertTrue(walk.notices().get(0).message().startsWith("skipped: symbolic link cannot be resolved"),
                walk.notices().get(0).message());
    }

    @Test
    void anUnreadableFileIsANotice() throws IOException {
        Path locked = write("locked.txt", "x");
        write("open.txt", "y");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(locked), "running as root: the file is still readable");
            SourceTree.Walk walk = walk();
            assertEquals(List.of("open.txt"), paths(walk));
            assertEquals(List.of(new FileNotice("locked.txt", "cannot be read: permission denied")), walk.notices());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void anUnreadableDirectoryIsANotice() throws IOException {
        Path locked = Files.createDirectories(root.resolve("locked"));
        write("locked/inside.txt", "x");
        write("open.txt", "y");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(locked), "running as root: the directory is still readable");
            SourceTree.Walk walk = walk();
            assertEquals(List.of("open.txt"), paths(walk));
            assertEquals(List.of(new FileNotice("locked", "cannot be read: permission denied")), walk.notices());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aSingleFileRootIsNamedByItsFileName() throws IOException {
        Path file = write("deep/er/app.env", "KEY=x");
        SourceTree.Walk walk = SourceTree.walk(file, NO_LIMIT);
        assertEquals(List.of(new ScanFile(file, "app.env")), walk.files());
    }

    @Test
    void aSingleFileRootOverTheLimitIsANotice() throws IOException {
        Path file = write("big.txt", "x".repeat(2000));
        SourceTree.Walk walk = SourceTree.walk(file, 1024);
        assertEquals(List.of(), walk.files());
        assertEquals(List.of(new FileNotice("big.txt", "skipped: 2.0 KiB is over the 1 KiB limit")), walk.notices());
    }

    @Test
    void aMissingRootIsAnError() {
        Path missing = dir.resolve("nope");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> SourceTree.walk(missing, NO_LIMIT));
        assertEquals(missing + ": no such file or directory", e.getMessage());
    }

    @Test
    void anUnreadableRootIsAnError() throws IOException {
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(root), "running as root: the directory is still readable");
            IOException e = assertThrows(IOException.class, () -> SourceTree.walk(root, NO_LIMIT));
            assertEquals(root + ": cannot be read: permission denied", e.getMessage());
        } finally {
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
