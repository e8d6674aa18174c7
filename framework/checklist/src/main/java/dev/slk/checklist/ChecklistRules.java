package dev.slk.checklist;

import dev.slk.core.waivers.CommandRules;
import java.util.Arrays;
import java.util.Collection;

/** The rules the checklist answers for in the waiver ledger: one per item. */
public final class ChecklistRules implements CommandRules {
    @Override
    public String command() {
        return ChecklistReport.COMMAND;
    }

    @Override
    public Collection<String> ruleIds() {
        return Arrays.stream(Item.values()).map(Item::ruleId).toList();
    }
}
