package dev.slk.checklist;

import java.io.IOException;

/** Measures one checklist item on one module. */
public interface Check {
    /** @return the item this check measures */
    Item item();

    /**
     * @param module the module
     * @return what was measured: evidence and findings, or why the item does not apply
     * @throws IOException when a file of the module cannot be read
     */
    Measurement measure(ModuleUnderCheck module) throws IOException;
}
