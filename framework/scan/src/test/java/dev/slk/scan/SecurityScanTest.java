package dev.slk.scan;

import dev.slk.core.findings.Finding;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityScanTest {
    @TempDir
    Path root;

    private ScanReport scan() throws IOException {
        return new SecurityScan().run(new ScanRequest(root, List.of(root), List.of(), null, null,
                ScanRequest.DEFAULT_MAX_FILE_BYTES));
    }

    @Test
    void binaryFilesAreSkippedSilentlyButCounted() throws IOException {
        Files.createDirectories(root.resolve("img"));
        Files.write(root.resolve("img/logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        Files.write(root.resolve("blob.bin"), new byte[] {1, 2, 3, 4, 5, 'a'});
        Files.writeString(root.resolve("readme.md"), "text");
        ScanReport report = scan();
        assertEquals(1, report.filesScanned());
        assertEquals(4, report.bytesScanned());
        assertEquals(2, report.binarySkipped());
        assertEquals(List.of(), report.notices());
    }

    @Test
    void aSecretInABinaryFileIsNotReported() throws IOException {
        byte[] text = ("aws_access_key_id = " + awsKeyId() + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] binary = new byte[text.length + 1];
        System.arraycopy(text, 0, binary, 1, text.length); // a leading NUL makes it binary
        Files.write(root.resolve("dump.bin"), binary);
        Files.write(root.resolve("creds.env"), text);
        ScanReport report = scan();
        assertEquals(List.of("creds.env"), report.findings().stream().map(f -> f.location().file()).distinct().toList());
        assertEquals(1, report.binarySkipped());
    }

    @Test
    void findingsAreInPathOrderWhateverOrderTheFilesAreScannedIn() throws IOException {
        for (int i = 0; i < 50; i++) {
            Files.createDirectories(root.resolve("d" + (i % 7)));
            Files.writeString(root.resolve("d" + (i % 7) + "/f" + i + ".env"), "AWS_ACCESS_KEY_ID=" + awsKeyId() + "\n");
        }
        List<String> paths = scan().findings().stream().map(f -> f.location().file()).toList();
        assertEquals(50, paths.size());
        assertEquals(paths.stream().sorted().toList(), paths);
    }

    /** An access key id made at run time, so this source holds none. */
    private static String awsKeyId() {
        return "AK" + "IA" + "Q3EGRT7VNB2ZP5WX";
    }
}
