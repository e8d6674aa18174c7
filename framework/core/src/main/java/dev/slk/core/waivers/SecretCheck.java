package dev.slk.core.waivers;

import dev.slk.core.findings.Finding;
import java.util.List;

/**
 * Finds secret values in a text. The waiver ledger refuses a file that holds one; the security
 * scan's secret rules provide the check ({@code new SecretScanner(SecretRules.catalogue())::scan}),
 * so the ledger and the scan agree on what a secret is.
 */
@FunctionalInterface
public interface SecretCheck {
    /**
     * @param file the file's name, for the findings' locations
     * @param text the file's text
     * @return one finding per secret, at its line, its message redacted; empty when there is none
     */
    List<Finding> find(String file, String text);
}
