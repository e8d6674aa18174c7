package dev.slk.scan;

import dev.slk.assembly.CloudAssembly;
import dev.slk.core.findings.Finding;
import dev.slk.scan.files.FileNotice;
import dev.slk.scan.files.ScanFile;
import dev.slk.scan.files.SourceTree;
import dev.slk.scan.git.GitBlob;
import dev.slk.scan.git.GitRepository;
import dev.slk.scan.git.GitScope;
import dev.slk.scan.infra.DependencyPinning;
import dev.slk.scan.infra.TemplateRules;
import dev.slk.scan.rules.SecretRules;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** Runs a whole security scan: secrets in the files, then the infrastructure rules. */
public final class SecurityScan {
    /** Reading and scanning files is CPU-bound once the files are cached: one thread per core. */
    private static final int THREADS = Runtime.getRuntime().availableProcessors();

    /**
     * The catalogue's scanner, built by the first worker that needs it (class initialisation is
     * thread-safe), so that building it overlaps the start of the walk.
     */
    static final class Catalogue {
        static final SecretScanner SCANNER = new SecretScanner(SecretRules.catalogue());
    }

    /**
     * @param request what to scan
     * @return the report
     * @throws IOException when a target does not exist or cannot be read at all
     */
    public ScanReport run(ScanRequest request) throws IOException {
        long started = System.nanoTime();
        List<Finding> findings = new ArrayList<>();
        List<FileNotice> notices = new ArrayList<>();
        int files = 0;
        long bytes = 0;
        int binary = 0;
        ScanReport.History history = null;
        ExecutorService workers = Executors.newFixedThreadPool(THREADS, SecurityScan::worker);
        try {
            for (Path target : request.targets()) {
                String prefix = prefixOf(request.workspace(), target);
                // Files are scanned while the walk goes on; results are gathered in path order.
                Batches batches = new Batches(workers, prefix);
                List<FileNotice> walkNotices = SourceTree.walk(target, request.maxFileBytes(), batches);
                walkNotices.forEach(n -> notices.add(new FileNotice(prefix + n.relativePath(), n.message())));
                List<FileResult> results = batches.results();
                results.sort(Comparator.comparing(FileResult::path));
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
            history = git(request, workers, findings, notices);
        } finally {
            workers.shutdownNow();
        }
        for (Path moduleDir : request.moduleDirectories()) {
            findings.addAll(DependencyPinning.check(moduleDir, prefixOf(request.workspace(), moduleDir).replaceAll("/$", "")));
        }
        if (request.cdkOut() != null) {
            infrastructure(request, findings, notices);
        }
        findings.sort(Finding.ORDER);
        if (request.git() instanceof GitScope.Staged) {
            return new ScanReport(findings, notices, history.blobs(), history.bytes(), history.binary(),
                    Duration.ofNanos(System.nanoTime() - started));
        }
        return new ScanReport(findings, notices, files, bytes, binary, Duration.ofNanos(System.nanoTime() - started),
                history);
    }

    /**
     * Scans what the request reads of the git repository: the history, merged into the work
     * tree's findings so that each finding is reported once, or the index.
     *
     * @return what was read, or null when no repository was read
     */
    private static ScanReport.History git(ScanRequest request, ExecutorService workers, List<Finding> findings,
            List<FileNotice> notices) throws IOException {
        if (request.git() instanceof GitScope.WorkTree) {
            return null;
        }
        try (GitRepository repository = GitRepository.of(request.workspace())) {
            List<GitBlob> blobs;
            int commits = 0;
            if (request.git() instanceof GitScope.History h) {
                GitRepository.History walked = repository.history(h.since());
                blobs = walked.blobs();
                commits = walked.commits();
            } else {
                blobs = repository.staged();
            }
            GitBlobScan.Result scanned = GitBlobScan.scan(repository, blobs, request.maxFileBytes(), workers);
            List<Finding> merged = GitBlobScan.merge(findings, scanned.findings());
            findings.clear();
            findings.addAll(merged);
            notices.addAll(scanned.notices());
            return new ScanReport.History(commits, scanned.blobs(), scanned.bytes(), scanned.binary());
        }
    }

    private static void infrastructure(ScanRequest request, List<Finding> findings, List<FileNotice> notices) {
        Path cdkOut = request.cdkOut();
        String relative = prefixOf(request.workspace(), cdkOut).replaceAll("/$", "");
        if (!Files.isDirectory(cdkOut)) {
            notices.add(new FileNotice(relative.isEmpty() ? "cdk.out" : relative,
                    "no cloud assembly: infrastructure rules skipped (synthesize first, or pass --no-infra)"));
            return;
        }
        for (Finding f : TemplateRules.checkAssembly(CloudAssembly.read(cdkOut), relative)) {
            if (request.moduleFilter() == null || request.moduleFilter().equals(f.module())) {
                findings.add(f);
            }
        }
    }

    private static Thread worker(Runnable task) {
        Thread thread = new Thread(task, "slk-scan");
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Hands the files the walk finds to the workers a few at a time: one task per file would cost
     * a queue hand-over and often a thread wake-up for each of many small files.
     */
    private static final class Batches implements Consumer<ScanFile> {
        private static final int FILES = 16;
        private final ExecutorService workers;
        private final String prefix;
        private final List<Future<List<FileResult>>> scans = new ArrayList<>();
        private List<ScanFile> batch = new ArrayList<>(FILES);

        Batches(ExecutorService workers, String prefix) {
            this.workers = workers;
            this.prefix = prefix;
        }

        @Override
        public void accept(ScanFile file) {
            batch.add(file);
            if (batch.size() == FILES) {
                submit();
            }
        }

        private void submit() {
            List<ScanFile> files = batch;
            batch = new ArrayList<>(FILES);
            scans.add(workers.submit(() -> {
                List<FileResult> results = new ArrayList<>(files.size());
                for (ScanFile f : files) {
                    results.add(scanFile(f, prefix));
                }
                return results;
            }));
        }

        /** @return the results of all files handed over, once scanned, in no particular order */
        List<FileResult> results() {
            if (!batch.isEmpty()) {
                submit();
            }
            List<FileResult> results = new ArrayList<>();
            for (Future<List<FileResult>> scan : scans) {
                results.addAll(join(scan));
            }
            return results;
        }
    }

    static <T> T join(Future<T> scan) {
        try {
            return scan.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scanning", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private record FileResult(String path, List<Finding> findings, Optional<FileNotice> notice, boolean scanned,
            long bytes) {
    }

    private static FileResult scanFile(ScanFile file, String prefix) {
        String path = prefix + file.relativePath();
        Content content = BUFFER.get();
        try {
            content.read(file.path());
        } catch (IOException e) {
            return new FileResult(path, List.of(),
                    Optional.of(new FileNotice(path, "cannot be read: " + SourceTree.reason(e))), false, 0);
        }
        if (!(Catalogue.SCANNER.scan(path, content.bytes, content.length) instanceof SecretScanner.Text text)) {
            return new FileResult(path, List.of(), Optional.empty(), false, 0);
        }
        String module = moduleOf(path);
        List<Finding> found = text.findings();
        if (module != null) {
            found = found.stream().map(f -> f.withModule(module)).toList();
        }
        return new FileResult(path, found, Optional.empty(), true, content.length);
    }

    /**
     * Each worker reads every file into the same buffer: nothing is allocated per file but the
     * text of files that hold a keyword, which keeps the garbage collector and page faults out of
     * a scan of many megabytes.
     */
    private static final ThreadLocal<Content> BUFFER = ThreadLocal.withInitial(Content::new);

    /** A reused buffer holding one file's content in its first {@code length} bytes. */
    private static final class Content {
        private static final int INITIAL = 64 * 1024;
        /**
         * Most bytes read at once. The channel reads through a direct buffer as large as the read,
         * which it keeps for the thread: reads of one size reuse it, reads of ever larger files
         * would allocate (and fault in) a new one each time.
         */
        private static final int CHUNK = 256 * 1024;
        private byte[] bytes = new byte[INITIAL];
        private int length;

        void read(Path path) throws IOException {
            length = 0;
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                long size = channel.size();
                if (size >= Integer.MAX_VALUE - 1) {
                    throw new IOException("too large to read: " + size + " bytes");
                }
                // One byte more than the size, to see the end of the file in the same read loop.
                ensure((int) size + 1);
                while (true) {
                    if (length == bytes.length) {
                        ensure(length + 1); // the file grew while being read
                    }
                    int n = channel.read(ByteBuffer.wrap(bytes, length, Math.min(CHUNK, bytes.length - length)));
                    if (n < 0) {
                        return;
                    }
                    length += n;
                }
            }
        }

        private void ensure(int capacity) {
            if (capacity > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(capacity, (int) Math.min(Integer.MAX_VALUE - 8L, 2L * bytes.length)));
            }
        }
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
