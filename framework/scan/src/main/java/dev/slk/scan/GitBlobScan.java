package dev.slk.scan;

import dev.slk.core.findings.CommitLocation;
import dev.slk.core.findings.Finding;
import dev.slk.core.findings.SourceLocation;
import dev.slk.scan.files.ByteSizes;
import dev.slk.scan.files.FileNotice;
import dev.slk.scan.git.GitBlob;
import dev.slk.scan.git.GitRepository;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;

/** Scans blobs of the object database (the history's or the index's) with the secret rules, in parallel. */
final class GitBlobScan {
    /** Blobs per task: small enough to spread a history over the workers, large enough to amortise a reader. */
    private static final int BATCH = 64;

    private GitBlobScan() {
    }

    /**
     * What the scan of some blobs found.
     *
     * @param findings the findings, located in the commit where their blob first appears (a
     *     blob of the index: in the file), each fingerprint once at its first appearance
     * @param notices blobs skipped (too large, unreadable)
     * @param blobs text blobs scanned
     * @param bytes their total size
     * @param binary binary blobs skipped
     */
    record Result(List<Finding> findings, List<FileNotice> notices, int blobs, long bytes, int binary) {
    }

    private record BlobResult(List<Finding> findings, FileNotice notice, boolean scanned, long bytes, int order) {
    }

    static Result scan(GitRepository repository, List<GitBlob> blobs, long maxFileBytes, ExecutorService workers) {
        List<Future<List<BlobResult>>> tasks = new ArrayList<>();
        for (int from = 0; from < blobs.size(); from += BATCH) {
            List<GitBlob> batch = blobs.subList(from, Math.min(blobs.size(), from + BATCH));
            tasks.add(workers.submit(() -> scanBatch(repository, batch, maxFileBytes)));
        }
        List<Finding> findings = new ArrayList<>();
        List<FileNotice> notices = new ArrayList<>();
        Map<String, Integer> firstOrder = new HashMap<>();
        Map<String, Finding> first = new HashMap<>();
        int scanned = 0;
        int binary = 0;
        long bytes = 0;
        for (Future<List<BlobResult>> task : tasks) {
            for (BlobResult r : SecurityScan.join(task)) {
                if (r.notice() != null) {
                    notices.add(r.notice());
                } else if (r.scanned()) {
                    scanned++;
                    bytes += r.bytes();
                } else {
                    binary++;
                }
                for (Finding f : r.findings()) {
                    keepFirst(first, firstOrder, f, r.order());
                }
            }
        }
        findings.addAll(first.values());
        findings.sort(Finding.ORDER);
        notices.sort(Comparator.comparing(FileNotice::relativePath));
        return new Result(findings, notices, scanned, bytes, binary);
    }

    /**
     * Keeps one finding per fingerprint: located where it first appears (the blobs are in walk
     * order, parents first), and accepted when any version of the file accepts it, since a
     * suppression comment added later accepts the same secret in the older versions too.
     */
    private static void keepFirst(Map<String, Finding> first, Map<String, Integer> firstOrder, Finding f, int order) {
        Finding kept = first.get(f.fingerprint());
        if (kept == null) {
            first.put(f.fingerprint(), f);
            firstOrder.put(f.fingerprint(), order);
            return;
        }
        Finding earlier = order < firstOrder.get(f.fingerprint()) ? f : kept;
        Finding other = earlier == f ? kept : f;
        if (!earlier.accepted() && other.accepted()) {
            earlier = earlier.withAcceptance(other.acceptance());
        }
        first.put(f.fingerprint(), earlier);
        firstOrder.put(f.fingerprint(), Math.min(order, firstOrder.get(f.fingerprint())));
    }

    private static List<BlobResult> scanBatch(GitRepository repository, List<GitBlob> batch, long maxFileBytes) {
        List<BlobResult> results = new ArrayList<>(batch.size());
        try (ObjectReader reader = repository.newReader()) {
            for (GitBlob blob : batch) {
                results.add(scanBlob(reader, blob, maxFileBytes));
            }
        }
        return results;
    }

    private static BlobResult scanBlob(ObjectReader reader, GitBlob blob, long maxFileBytes) {
        int order = blob.commit() == null ? 0 : blob.commit().order();
        String where = blob.commit() == null ? blob.path()
                : blob.path() + " in commit " + blob.commit().id().substring(0, 12);
        byte[] content;
        try {
            ObjectLoader loader = reader.open(blob.id(), Constants.OBJ_BLOB);
            long size = loader.getSize();
            if (size > maxFileBytes) {
                return new BlobResult(List.of(), new FileNotice(where, "skipped: " + ByteSizes.over(size, maxFileBytes)),
                        false, 0, order);
            }
            content = loader.getCachedBytes((int) size);
        } catch (IOException e) {
            return new BlobResult(List.of(), new FileNotice(where, "cannot be read from the repository: "
                    + e.getMessage()), false, 0, order);
        }
        if (!(SecurityScan.Catalogue.SCANNER.scan(blob.path(), content) instanceof SecretScanner.Text text)) {
            return new BlobResult(List.of(), null, false, 0, order);
        }
        String module = SecurityScan.moduleOf(blob.path());
        List<Finding> found = new ArrayList<>(text.findings().size());
        for (Finding f : text.findings()) {
            Finding located = blob.commit() == null ? f
                    : f.withLocation(new CommitLocation((SourceLocation) f.location(), blob.commit().id(),
                            blob.commit().authorDate()));
            found.add(module == null ? located : located.withModule(module));
        }
        return new BlobResult(found, null, true, content.length, order);
    }

    /**
     * @param workTree the findings of the work tree
     * @param history the findings of the history
     * @return the work tree's findings, those that were committed before saying since when, then
     *     the history's findings that are not in the work tree any more: each finding once
     */
    static List<Finding> merge(List<Finding> workTree, List<Finding> history) {
        Map<String, Finding> committed = history.stream()
                .collect(Collectors.toMap(Finding::fingerprint, f -> f, (a, b) -> a));
        Set<String> present = workTree.stream().map(Finding::fingerprint).collect(Collectors.toSet());
        List<Finding> merged = new ArrayList<>(workTree.size() + history.size());
        for (Finding f : workTree) {
            Finding since = committed.get(f.fingerprint());
            merged.add(since != null && since.location() instanceof CommitLocation c
                    ? f.withMessage(f.message() + " (committed since " + c.shortCommit() + ", "
                            + c.authorDate().toString().substring(0, 10) + ")")
                    : f);
        }
        history.stream().filter(f -> !present.contains(f.fingerprint())).forEach(merged::add);
        return merged;
    }
}
