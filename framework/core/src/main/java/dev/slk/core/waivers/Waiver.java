package dev.slk.core.waivers;

import dev.slk.core.findings.Acceptance;
import dev.slk.core.findings.Finding;
import dev.slk.core.findings.ResourceLocation;
import dev.slk.core.findings.SourceLocation;
import dev.slk.core.text.GlobRegex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * One entry of the waiver ledger: it accepts the findings of one rule that its selector matches,
 * up to and including its expiry day.
 *
 * @param location where the entry starts in the ledger
 * @param rule the rule id whose findings it accepts (exactly)
 * @param selector which of the rule's findings
 * @param owner who answers for it
 * @param reason why (at least {@value WaiverLedger#MIN_REASON} characters)
 * @param expires the last day it accepts anything
 */
public record Waiver(SourceLocation location, String rule, Selector selector, String owner, String reason,
        LocalDate expires) {

    /** Checks the invariants. */
    public Waiver {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(expires, "expires");
    }

    /**
     * @param finding a finding
     * @return true when this entry names it (whether or not it has expired)
     */
    public boolean matches(Finding finding) {
        return rule.equals(finding.ruleId()) && selector.matches(finding);
    }

    /**
     * @param today the day of the run
     * @return true when the waiver no longer accepts anything (its expiry day is past)
     */
    public boolean expiredOn(LocalDate today) {
        return today.isAfter(expires);
    }

    /**
     * @param file a file a check looked at
     * @return false when the waiver's path pattern excludes the file
     */
    public boolean couldName(String file) {
        return !(selector instanceof Patterns p) || p.path() == null || Patterns.compile(p.path()).matcher(file).matches();
    }

    /** @return the acceptance a finding it accepts carries */
    public Acceptance.Waived acceptance() {
        return new Acceptance.Waived(location, owner, reason, expires);
    }

    /** @return e.g. {@code rule github-token, fingerprint 0123...} for messages */
    public String describe() {
        return "rule " + rule + ", " + selector.describe();
    }

    /** Which findings of its rule a waiver accepts. */
    public sealed interface Selector permits Fingerprint, Patterns {
        /** @return true when the finding is one of them */
        boolean matches(Finding finding);

        /** @return the selector in words, as the ledger writes it */
        String describe();
    }

    /**
     * Exactly one finding, by the fingerprint every report shows.
     *
     * @param value 32 hex characters
     */
    public record Fingerprint(String value) implements Selector {
        @Override
        public boolean matches(Finding finding) {
            return value.equals(finding.fingerprint());
        }

        @Override
        public String describe() {
            return "fingerprint " + value;
        }
    }

    /**
     * Every finding whose file, resource and module match the globs given (gitignore rules:
     * {@code *} stays within a path segment, {@code **} spans segments); null means any.
     *
     * @param path glob over the finding's file, relative to the workspace root
     * @param resource glob over a template resource's logical id or construct path
     * @param module glob over the module the finding belongs to
     */
    public record Patterns(String path, String resource, String module) implements Selector {
        private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

        /** Checks that at least one pattern is given and that each is a valid glob. */
        public Patterns {
            if (path == null && resource == null && module == null) {
                throw new IllegalArgumentException("a pattern selector needs a path, resource or module");
            }
            for (String glob : new String[] {path, resource, module}) {
                if (glob != null && compile(glob) == null) {
                    throw new IllegalArgumentException("'" + glob + "' is not a valid pattern");
                }
            }
        }

        /**
         * @param glob a pattern
         * @return true when it is a valid glob
         */
        public static boolean valid(String glob) {
            return compile(glob) != null;
        }

        @Override
        public boolean matches(Finding finding) {
            if (path != null && !compile(path).matcher(finding.location().file()).matches()) {
                return false;
            }
            if (resource != null) {
                if (!(finding.location() instanceof ResourceLocation r)) {
                    return false;
                }
                Pattern p = compile(resource);
                if (!p.matcher(r.logicalId()).matches() && !p.matcher(r.constructPath()).matches()) {
                    return false;
                }
            }
            return module == null || finding.module() != null && compile(module).matcher(finding.module()).matches();
        }

        @Override
        public String describe() {
            List<String> parts = new ArrayList<>();
            if (path != null) {
                parts.add("path " + path);
            }
            if (resource != null) {
                parts.add("resource " + resource);
            }
            if (module != null) {
                parts.add("module " + module);
            }
            return String.join(", ", parts);
        }

        private static Pattern compile(String glob) {
            Pattern cached = COMPILED.get(glob);
            if (cached != null) {
                return cached;
            }
            String regex = GlobRegex.translate(glob);
            if (regex == null) {
                return null;
            }
            Pattern compiled = Pattern.compile(regex, Pattern.DOTALL);
            COMPILED.put(glob, compiled);
            return compiled;
        }
    }
}
