package dev.slk.ocsf.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** The result of applying a mapping to one event. */
public sealed interface MappingOutcome {
    /**
     * The event became an OCSF record (and, when the mapping has an ASFF form, an ASFF finding).
     *
     * @param ocsf the OCSF record, checked against its class
     * @param asff the ASFF finding without the account-specific fields the sender adds
     */
    record Produced(ObjectNode ocsf, Optional<ObjectNode> asff) implements MappingOutcome {
    }

    /**
     * The mapping could not produce a valid record from this event.
     *
     * @param message one line naming the mapping, its file:line and the attribute at fault
     */
    record Failed(String message) implements MappingOutcome {
    }
}
