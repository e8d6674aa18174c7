package dev.slk.scan;

import dev.slk.scan.files.FileNotice;
import dev.slk.scan.files.ScanFile;
import dev.slk.scan.files.SourceTree;
import dev.slk.scan.files.TextDecoder;
import dev.slk.scan.infra.DependencyPinning;
import dev.slk.scan.infra.TemplateRules;
import dev.slk.scan.rules.SecretRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Runs a whole security scan: secrets in the files, then the infrastructure rules. */
public final class SecurityScan {
    private static final Comparator<ScanFinding> ORDER = Comparator.comparing(ScanFinding::path)
            .thenComparingInt(ScanFinding::line).thenComparingInt(ScanFinding::column).thenComparing(ScanFinding::ruleId);

    private final SecretScanner scanner = new SecretScanner(SecretRules.catalogue());

    /**
     * @param request what to scan
     * @return the report
     * @throws IOException when a target does not exist or cannot be read at all
     */
    public ScanReport run(ScanRequest request) throws IOException {
        long started = System.nanoTime();
        List<ScanFinding> findings = new ArrayList<>();
        List<FileNotice> notices = new ArrayList<>();
        int files = 0;
        long bytes = 0;
        int binary = 0;
        for (Path target : request.targets()) {
            SourceTree.Walk walk = SourceTree.walk(target, request.maxFileBytes());
            String prefix = prefixOf(request.workspace(), target);
            walk.notices().forEach(n -> notices.add(new FileNotice(prefix + n.relativePath(), n.message())));
            binary += walk.binarySkipped();
            List<FileResult> results = walk.files().parallelStream().map(f -> scanFile(f, prefix)).toList();
            for (FileResult r : results) {
                r.notice().ifPresent(notices::add);
                findings.addAll(r.findings());
                if (r.scanned()) {
                    files++;
                    bytes += r.bytes();
                } else if (r.notice().isEmpty()) {
                    binary++;
                }
            }
        }
        for (Path moduleDir : request.moduleDirectories()) {
            findings.addAll(DependencyPinning.check(moduleDir, prefixOf(request.workspace(), moduleDir).replaceAll("/$", "")));
        }
        if (request.cdkOut() != null) {
            infrastructure(request, findings, notices);
        }
        findings.sort(ORDER);
        return new ScanReport(findings, notices, files, bytes, binary, Duration.ofNanos(System.nanoTime() - started));
    }

    private static void infrastructure(ScanRequest request, List<ScanFinding> findings, List<FileNotice> notices) {
        Path cdkOut = request.cdkOut();
        String relative = prefixOf(request.workspace(), cdkOut).replaceAll("/$", "");
        if (!Files.isDirectory(cdkOut)) {
            notices.add(new FileNotice(relative.isEmpty() ? "cdk.out" : relative,
                    "no cloud assembly: infrastructure rules skipped (synthesize first, or pass --no-infra)"));
            return;
        }
        for (ScanFinding f : TemplateRules.checkAssembly(cdkOut, relative)) {
            if (request.moduleFilter() == null || request.moduleFilter().equals(f.module())) {
                findings.add(f);
            }
        }
    }

    private record FileResult(List<ScanFinding> findings, Optional<FileNotice> notice, boolean scanned, long bytes) {
    }

    private FileResult scanFile(ScanFile file, String prefix) {
        String path = prefix + file.relativePath();
        byte[] content;
        try {
            content = Files.readAllBytes(file.path());
        } catch (IOException e) {
            return new FileResult(List.of(), Optional.of(new FileNotice(path, "cannot be read: " + e.getMessage())),
                    false, 0);
        }
        Optional<String> text = TextDecoder.decode(content);
        if (text.isEmpty()) {
            return new FileResult(List.of(), Optional.empty(), false, 0);
        }
        String module = moduleOf(path);
        List<ScanFinding> found = scanner.scan(path, text.get());
        if (module != null) {
            found = found.stream().map(f -> f.withModule(module)).toList();
        }
        return new FileResult(found, Optional.empty(), true, content.length);
    }

    /** Files under {@code modules/<id>/} belong to module {@code id}. */
    static String moduleOf(String path) {
        if (!path.startsWith("modules/")) {
            return null;
        }
        int end = path.indexOf('/', "modules/".length());
        return end < 0 ? null : path.substring("modules/".length(), end);
    }

    /** The prefix that makes paths under {@code target} relative to the workspace. */
    static String prefixOf(Path workspace, Path target) {
        Path ws = workspace.toAbsolutePath().normalize();
        Path t = target.toAbsolutePath().normalize();
        Path base = Files.isRegularFile(t) ? t.getParent() : t;
        if (base.startsWith(ws)) {
            String relative = ws.relativize(base).toString().replace('\\', '/');
            return relative.isEmpty() ? "" : relative + "/";
        }
        return "";
    }
}
