package dev.slk.checklist.coverage;

import dev.slk.checklist.Check;
import dev.slk.checklist.Item;
import dev.slk.checklist.Measurement;
import dev.slk.checklist.ModuleUnderCheck;
import dev.slk.core.findings.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Item 6: line coverage of the module and of each Java function, from the JaCoCo report their
 * build writes ({@code target/site/jacoco/jacoco.csv}, JaCoCo 0.8.13 through the slk-modules
 * parent). Unless {@code --no-run}, the module's build runs first
 * ({@code mvn -B -ntp -q verify -pl <module>,<functions> -am}); with it, the existing report is
 * read and one older than the sources it measures is a warning. Each must cover at least
 * {@link #MINIMUM} of its lines, the gate of the modules build.
 */
public final class CoverageCheck implements Check {
    /** The share of lines the modules build requires (slk.coverage.minimum). */
    public static final double MINIMUM = 0.80;
    static final String REPORT = "target/site/jacoco/jacoco.csv";
    static final Duration BUILD_LIMIT = Duration.ofMinutes(15);

    private final boolean run;

    /** @param run whether to run the module's build and tests first */
    public CoverageCheck(boolean run) {
        this.run = run;
    }

    @Override
    public Item item() {
        return Item.COVERAGE;
    }

    @Override
    public Measurement measure(ModuleUnderCheck module) throws IOException {
        List<Path> measured = new ArrayList<>();
        if (Files.isDirectory(module.dir().resolve("src/main/java"))) {
            measured.add(module.dir());
        }
        module.functions().stream().filter(f -> Files.isDirectory(f.resolve("src/main/java"))).forEach(measured::add);
        if (measured.isEmpty()) {
            return new Measurement.NotApplicable("the module has no Java sources to measure");
        }
        List<Finding> findings = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        if (run) {
            build(module, measured, findings, evidence);
            if (!findings.isEmpty()) {
                return new Measurement.Measured(evidence, findings);
            }
        }
        for (Path dir : measured) {
            measure(module, dir, findings, evidence);
        }
        return new Measurement.Measured(evidence, findings);
    }

    private void measure(ModuleUnderCheck module, Path dir, List<Finding> findings, List<String> evidence)
            throws IOException {
        Path report = dir.resolve(REPORT);
        String name = module.relative(dir);
        if (!Files.isRegularFile(report)) {
            findings.add(module.failure(item(), report, 0, 0, name + " has no JaCoCo report (" + REPORT
                    + "): run the checklist without --no-run, or build the module"));
            return;
        }
        long[] lines = lines(report);
        long total = lines[0] + lines[1];
        double share = total == 0 ? 1.0 : lines[1] / (double) total;
        String figure = String.format(Locale.ROOT, "%.1f %% (%d of %d lines)", share * 100, lines[1], total);
        evidence.add(name + ": line coverage " + figure);
        if (share < MINIMUM) {
            findings.add(module.failure(item(), report, 0, 0, name + " covers " + figure + " of its lines, less than "
                    + Math.round(MINIMUM * 100) + " %"));
        }
        FileTime reported = Files.getLastModifiedTime(report);
        FileTime newest = ModuleUnderCheck.newestSource(dir);
        if (newest.compareTo(reported) > 0) {
            findings.add(module.warning(item(), report, 0, 0, "the JaCoCo report of " + name
                    + " is older than its sources: run the checklist without --no-run"));
        }
    }

    /** @return missed and covered lines over the report's classes */
    static long[] lines(Path csv) throws IOException {
        List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (rows.isEmpty()) {
            throw new IOException(csv + " is empty");
        }
        Map<String, Integer> column = new HashMap<>();
        String[] header = rows.get(0).split(",");
        for (int i = 0; i < header.length; i++) {
            column.put(header[i], i);
        }
        if (!column.containsKey("LINE_MISSED") || !column.containsKey("LINE_COVERED")) {
            throw new IOException(csv + " is not a JaCoCo CSV report (no LINE_MISSED, LINE_COVERED columns)");
        }
        long missed = 0;
        long covered = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            try {
                missed += Long.parseLong(cells[column.get("LINE_MISSED")]);
                covered += Long.parseLong(cells[column.get("LINE_COVERED")]);
            } catch (RuntimeException e) {
                throw new IOException(csv + ": row '" + row + "' is not a JaCoCo row");
            }
        }
        return new long[] {missed, covered};
    }

    private void build(ModuleUnderCheck module, List<Path> measured, List<Finding> findings, List<String> evidence)
            throws IOException {
        String projects = String.join(",", measured.stream().map(module::relative).toList());
        List<String> command = List.of("mvn", "-B", "-ntp", "-q", "verify", "-pl", projects, "-am",
                "-Djacoco.haltOnFailure=false");
        Path log = Files.createTempFile("slk-checklist-build", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(module.paths().root().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
            long start = System.nanoTime();
            Process process = builder.start();
            boolean done;
            try {
                done = process.waitFor(BUILD_LIMIT.toMinutes(), TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new IOException("interrupted while the module's tests ran");
            }
            if (!done) {
                process.destroyForcibly();
                findings.add(module.failure(item(), module.dir().resolve("pom.xml"), 0, 0, "the module's build ("
                        + String.join(" ", command) + ") took longer than " + BUILD_LIMIT.toMinutes() + " minutes"));
                return;
            }
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            if (process.exitValue() != 0) {
                List<String> out = Files.readAllLines(log, StandardCharsets.UTF_8);
                String tail = String.join(" | ", out.subList(Math.max(0, out.size() - 5), out.size()));
                findings.add(module.failure(item(), module.dir().resolve("pom.xml"), 0, 0, "the module's build ("
                        + String.join(" ", command) + ") failed with exit code " + process.exitValue() + ": " + tail));
                return;
            }
            evidence.add("ran " + String.join(" ", command) + " in " + seconds + " s");
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
