package dev.slk.scan;

import dev.slk.core.waivers.CommandRules;
import java.util.Collection;

/** The rules security-scan answers for in the waiver ledger: every rule of its catalogue. */
public final class ScanRules implements CommandRules {
    @Override
    public String command() {
        return ScanOutcome.COMMAND;
    }

    @Override
    public Collection<String> ruleIds() {
        return ScanOutcome.ruleIds();
    }
}
