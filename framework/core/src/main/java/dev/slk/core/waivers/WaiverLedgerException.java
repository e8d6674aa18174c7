package dev.slk.core.waivers;

import dev.slk.core.findings.Finding;
import java.util.List;

/**
 * The waiver ledger cannot be used: it breaks its schema or its rules (reason too short, expiry too
 * far ahead, a secret in it). Every problem has its {@code file:line:column}; commands print each
 * on its own line and exit with code 2, before checking anything, so that no finding is judged
 * against half a ledger.
 */
public final class WaiverLedgerException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<Finding> problems;

    /** @param problems what is wrong, in file order; at least one */
    public WaiverLedgerException(List<Finding> problems) {
        super(line(problems.get(0)) + (problems.size() == 1 ? "" : " (and " + (problems.size() - 1) + " more)"));
        this.problems = List.copyOf(problems);
    }

    /** @return what is wrong, in file order */
    public List<Finding> problems() {
        return problems;
    }

    /**
     * @param problem one of the problems
     * @return it as one line: {@code file:line:column: message; hint}
     */
    public static String line(Finding problem) {
        String hint = problem.hint() == null || problem.hint().isBlank() ? "" : "; " + problem.hint();
        return problem.location() + ": " + problem.message() + hint;
    }
}
