package dev.slk.iam;

import dev.slk.core.waivers.CommandRules;
import java.util.Collection;

/** The rules the iam-analyzer answers for in the waiver ledger: every rule of its catalogue. */
public final class IamCommandRules implements CommandRules {
    @Override
    public String command() {
        return IamOutcome.COMMAND;
    }

    @Override
    public Collection<String> ruleIds() {
        return IamOutcome.ruleIds();
    }
}
