package dev.slk.checklist;

import dev.slk.core.findings.Finding;
import java.util.List;

/**
 * The checklist of one module.
 *
 * @param moduleId the module
 * @param items the items' results, in checklist order
 */
public record ModuleChecklist(String moduleId, List<ItemResult> items) {
    /** Copies the list. */
    public ModuleChecklist {
        items = List.copyOf(items);
    }

    /** @return true when no item fails */
    public boolean passed() {
        return items.stream().noneMatch(i -> i.verdict() == Verdict.FAIL);
    }

    /** @return every item's findings, in item order */
    public List<Finding> findings() {
        return items.stream().flatMap(i -> i.findings().stream()).toList();
    }

    /**
     * @param verdict a verdict
     * @return how many items have it
     */
    public long count(Verdict verdict) {
        return items.stream().filter(i -> i.verdict() == verdict).count();
    }
}
