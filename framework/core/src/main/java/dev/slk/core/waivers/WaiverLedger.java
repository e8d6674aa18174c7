package dev.slk.core.waivers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Severity;
import dev.slk.core.findings.SourceLocation;
import dev.slk.core.report.Notice;
import dev.slk.core.schema.JsonSchemaDocument;
import dev.slk.core.schema.SchemaValidation;
import dev.slk.core.workspace.WorkspacePaths;
import dev.slk.core.yaml.TextFiles;
import dev.slk.core.yaml.UnreadableInputException;
import dev.slk.core.yaml.YamlDocument;
import dev.slk.core.yaml.YamlLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The one waiver ledger, {@code slk-waivers.yaml} at the workspace root: the findings a team
 * accepts, each with an owner, a reason and an expiry. Every checking command reads it and judges
 * its findings with it in one call:
 *
 * <pre>{@code
 * WaiverLedger ledger = WaiverLedger.read(paths, secrets, clock);
 * WaiverLedger.Judged judged = ledger.judge(findings, WaiverLedger.Scope.of(ownRules, complete, strict));
 * // report judged.findings() and judged.notices()
 * }</pre>
 *
 * <p>An active waiver accepts the findings it matches; an expired one accepts nothing, and the
 * findings it matches say when it expired. A waiver of the command's rules that matches nothing
 * on a complete run is orphaned: a warning notice, or a failing finding with {@code --strict}.
 * The ledger is validated like a configuration (JSON Schema, {@code file:line:column}), and a
 * ledger that holds a secret value is refused. Days are counted in UTC from the clock given, so
 * tests control time.
 */
public final class WaiverLedger {
    /** Class-path resource of the ledger's JSON Schema. */
    public static final String SCHEMA_RESOURCE = "/dev/slk/core/waivers/waivers-v1.schema.json";
    /** A waiver expiring within this many days is listed as expiring. */
    public static final int EXPIRING_DAYS = 30;
    /** The shortest reason a waiver may give. */
    public static final int MIN_REASON = 10;
    /** Rule id of an orphaned waiver reported with {@code --strict}. */
    public static final String ORPHANED_RULE = "waiver-orphaned";

    private static final JsonSchemaDocument SCHEMA = schema();
    private static final SchemaValidation VALIDATION = new SchemaValidation(SCHEMA);

    private final String file;
    private final List<Waiver> waivers;
    private final LocalDate today;

    private WaiverLedger(String file, List<Waiver> waivers, LocalDate today) {
        this.file = file;
        this.waivers = List.copyOf(waivers);
        this.today = today;
    }

    /**
     * Reads the workspace's ledger; a workspace without one has an empty ledger.
     *
     * @param paths the workspace (root, {@code waivers.maxDays}, how to show paths)
     * @param secrets the secret rules the ledger is checked with
     * @param clock the time (UTC days)
     * @return the ledger
     * @throws UnreadableInputException when the file exists but cannot be read or is not YAML
     * @throws WaiverLedgerException when it breaks its schema or rules
     */
    public static WaiverLedger read(WorkspacePaths paths, SecretCheck secrets, Clock clock)
            throws UnreadableInputException, WaiverLedgerException {
        Path ledger = paths.waiverLedger();
        String shown = paths.display(ledger);
        if (!Files.exists(ledger)) {
            return new WaiverLedger(shown, List.of(), today(clock));
        }
        return parse(TextFiles.readUtf8(ledger, shown), shown, paths.waiverMaxDays(), secrets, clock);
    }

    /**
     * @param text the ledger's text
     * @param file its name for locations
     * @param maxDays how many days ahead an expiry may be
     * @param secrets the secret rules the ledger is checked with
     * @param clock the time (UTC days)
     * @return the ledger
     * @throws UnreadableInputException when the text is not YAML
     * @throws WaiverLedgerException when it breaks its schema or rules
     */
    public static WaiverLedger parse(String text, String file, int maxDays, SecretCheck secrets, Clock clock)
            throws UnreadableInputException, WaiverLedgerException {
        LocalDate today = today(clock);
        YamlDocument document = new YamlLoader().parse(text, file);
        List<Finding> problems = new ArrayList<>(document.problems());
        // A secret is refused before anything else is said about the file, and never echoed.
        for (Finding secret : secrets.find(document.file(), text)) {
            problems.add(new Finding("waiver.secret", Severity.HIGH, secret.location(), "",
                    "a waiver never carries a secret value, and this line holds one (" + secret.message() + ")",
                    "name the finding by its fingerprint (every report shows it), remove the value and rotate it"));
        }
        problems.addAll(VALIDATION.validate(document, document.root(), "", "waiver-schema"));
        List<Waiver> waivers = new ArrayList<>();
        if (problems.isEmpty()) {
            JsonNode list = document.root().path("waivers");
            for (int i = 0; i < list.size(); i++) {
                entry(document, "/waivers/" + i, list.get(i), today, maxDays, problems).ifPresent(waivers::add);
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt((Finding f) -> f.location().line())
                    .thenComparingInt(f -> f.location().column()));
            throw new WaiverLedgerException(problems);
        }
        return new WaiverLedger(document.file(), waivers, today);
    }

    /**
     * @param file the name the ledger would have
     * @param clock the time
     * @return a ledger that waives nothing
     */
    public static WaiverLedger empty(String file, Clock clock) {
        return new WaiverLedger(file, List.of(), today(clock));
    }

    private static Optional<Waiver> entry(YamlDocument document, String pointer, JsonNode node, LocalDate today,
            int maxDays, List<Finding> problems) {
        int before = problems.size();
        String reason = node.get("reason").asText();
        if (reason.strip().length() < MIN_REASON) {
            problems.add(problem(document, pointer + "/reason", "'reason' must say why in at least " + MIN_REASON
                    + " characters, not counting blanks", null));
        }
        LocalDate expires = null;
        try {
            expires = LocalDate.parse(node.get("expires").asText());
            LocalDate latest = today.plusDays(maxDays);
            if (expires.isAfter(latest)) {
                problems.add(problem(document, pointer + "/expires", "'expires' is " + expires + ", more than "
                        + maxDays + " days ahead (the latest allowed today is " + latest + ")",
                        "choose an earlier day and renew the waiver then; waivers.maxDays in"
                                + " slk-workspace.properties sets the limit"));
            }
        } catch (DateTimeParseException e) {
            problems.add(problem(document, pointer + "/expires", "'expires' is '" + node.get("expires").asText()
                    + "', which is not a day (YYYY-MM-DD)", null));
        }
        Waiver.Selector selector = selector(document, pointer, node, problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Waiver(document.keyLocation(pointer), node.get("rule").asText(), selector,
                node.get("owner").asText().strip(), reason.strip(), expires));
    }

    private static Waiver.Selector selector(YamlDocument document, String pointer, JsonNode node,
            List<Finding> problems) {
        String path = text(node, "path");
        String resource = text(node, "resource");
        String module = text(node, "module");
        boolean patterns = path != null || resource != null || module != null;
        if (node.has("fingerprint")) {
            if (patterns) {
                problems.add(problem(document, pointer + "/fingerprint", "a waiver names its findings by a"
                        + " fingerprint or by path/resource/module patterns, not both", "keep one of the two"));
                return null;
            }
            return new Waiver.Fingerprint(node.get("fingerprint").asText());
        }
        if (!patterns) {
            problems.add(problem(document, pointer, "a waiver must say which findings it accepts: a fingerprint, or"
                    + " a path, resource or module pattern", "copy the finding's fingerprint from a report"));
            return null;
        }
        for (String key : List.of("path", "resource", "module")) {
            String glob = text(node, key);
            if (glob != null && !Waiver.Patterns.valid(glob)) {
                problems.add(problem(document, pointer + "/" + key, "'" + key + "' is '" + glob
                        + "', which is not a valid pattern (an unclosed [ or a trailing backslash?)", null));
                return null;
            }
        }
        return new Waiver.Patterns(path, resource, module);
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null ? null : value.asText();
    }

    private static Finding problem(YamlDocument document, String pointer, String message, String hint) {
        return new Finding("waiver.invalid", Severity.HIGH, document.valueLocation(pointer), pointer, message, hint);
    }

    /** @return the ledger's name as commands show it */
    public String file() {
        return file;
    }

    /** @return the waivers, in file order */
    public List<Waiver> waivers() {
        return waivers;
    }

    /** @return the day of the run, UTC */
    public LocalDate today() {
        return today;
    }

    /**
     * @param waiver one of the waivers
     * @param matched whether it matched a finding of the checks that ran
     * @return its state: orphaned when it matched nothing, else expired, expiring or active
     */
    public WaiverState state(Waiver waiver, boolean matched) {
        if (!matched) {
            return WaiverState.ORPHANED;
        }
        if (waiver.expiredOn(today)) {
            return WaiverState.EXPIRED;
        }
        return ChronoUnit.DAYS.between(today, waiver.expires()) <= EXPIRING_DAYS ? WaiverState.EXPIRING
                : WaiverState.ACTIVE;
    }

    /**
     * Which waivers a command answers for, and how strictly.
     *
     * @param waivers true for the waivers the command's run could have matched: only those can be
     *     orphaned by it (a scan answers for the scan's rules, validate-config for the others)
     * @param complete whether the run checked everything those waivers look at (a scan of a few
     *     paths or one module is not complete, so it orphans nothing)
     * @param strict whether an orphaned waiver fails the run
     */
    public record Scope(Predicate<Waiver> waivers, boolean complete, boolean strict) {
        /**
         * @param rules the command's rule ids
         * @param complete whether the run is complete
         * @param strict whether an orphan fails
         * @return the scope of the waivers of these rules
         */
        public static Scope of(java.util.Collection<String> rules, boolean complete, boolean strict) {
            java.util.Set<String> ids = java.util.Set.copyOf(rules);
            return new Scope(w -> ids.contains(w.rule()), complete, strict);
        }

        /**
         * @param rules the rule ids of the other commands
         * @param file the one file the command checks
         * @param strict whether an orphan fails
         * @return the scope of the waivers of every other rule that could name the file
         */
        public static Scope allBut(java.util.Collection<String> rules, String file, boolean strict) {
            java.util.Set<String> ids = java.util.Set.copyOf(rules);
            return new Scope(w -> !ids.contains(w.rule()) && !ORPHANED_RULE.equals(w.rule()) && w.couldName(file),
                    true, strict);
        }

        /**
         * @param file the one file the command checks
         * @param strict whether an orphan fails
         * @return the scope of the waivers no registered command claims ({@link CommandRules}) that
         *     could name the file: validate-config's
         */
        public static Scope unclaimed(String file, boolean strict) {
            return allBut(CommandRules.claimed(), file, strict);
        }

        /** @return a scope that orphans nothing: for runs that only count what each waiver matches */
        public static Scope matchingOnly() {
            return new Scope(w -> false, false, false);
        }
    }

    /**
     * What the ledger made of a run's findings.
     *
     * @param findings the findings, waived ones marked, those of expired waivers saying so, then
     *     (with {@code --strict}) one failing finding per orphaned waiver
     * @param notices one warning per orphaned waiver (without {@code --strict})
     * @param matches for each waiver, how many findings it matched
     */
    public record Judged(List<Finding> findings, List<Notice> notices, Map<Waiver, Integer> matches) {
        /** Copies the collections. */
        public Judged {
            findings = List.copyOf(findings);
            notices = List.copyOf(notices);
            matches = java.util.Collections.unmodifiableMap(new IdentityHashMap<>(matches));
        }
    }

    /**
     * Judges a run's findings. A finding already accepted (an inline suppression, a baseline)
     * keeps that acceptance; the waivers it matches still count as used.
     *
     * @param findings the run's findings
     * @param scope which waivers the run answers for
     * @return the judged findings and what the ledger has to say about itself
     */
    public Judged judge(List<Finding> findings, Scope scope) {
        Map<Waiver, Integer> matches = new IdentityHashMap<>();
        waivers.forEach(w -> matches.put(w, 0));
        List<Finding> judged = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            judged.add(judge(finding, matches));
        }
        List<Notice> notices = new ArrayList<>();
        if (scope.complete()) {
            for (Waiver w : waivers) {
                if (matches.get(w) == 0 && scope.waivers().test(w)) {
                    orphan(w, scope.strict(), judged, notices);
                }
            }
        }
        return new Judged(judged, notices, matches);
    }

    private Finding judge(Finding finding, Map<Waiver, Integer> matches) {
        Waiver active = null;
        Waiver expired = null;
        for (Waiver w : waivers) {
            if (w.matches(finding)) {
                matches.merge(w, 1, Integer::sum);
                if (!w.expiredOn(today)) {
                    active = active == null ? w : active;
                } else {
                    expired = expired == null ? w : expired;
                }
            }
        }
        if (finding.accepted()) {
            return finding;
        }
        if (active != null) {
            return finding.withAcceptance(active.acceptance());
        }
        if (expired != null) {
            return finding.withMessage(finding.message() + " (its waiver expired on " + expired.expires() + ": "
                    + expired.location() + ")");
        }
        return finding;
    }

    private void orphan(Waiver w, boolean strict, List<Finding> findings, List<Notice> notices) {
        String message = "orphaned waiver (" + w.describe() + ", owner " + w.owner() + ") matches no finding";
        if (strict) {
            findings.add(new Finding(ORPHANED_RULE, Severity.HIGH, w.location(), "", message,
                    "remove it from " + file + ": what it accepted is gone"));
        } else {
            notices.add(new Notice(w.location().toString(), "warning: " + message + "; remove it (--strict fails on it)"));
        }
    }

    private static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static JsonSchemaDocument schema() {
        URL url = WaiverLedger.class.getResource(SCHEMA_RESOURCE);
        if (url == null) {
            throw new IllegalStateException("slk is damaged: " + SCHEMA_RESOURCE + " is missing from its jar");
        }
        try {
            return JsonSchemaDocument.read(url);
        } catch (IOException e) {
            throw new UncheckedIOException("slk is damaged: cannot read " + SCHEMA_RESOURCE, e);
        }
    }
}
