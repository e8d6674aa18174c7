package dev.slk.lambda.transformer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.ocsf.mapping.MappingCatalog;
import dev.slk.ocsf.mapping.MappingOutcome;
import dev.slk.ocsf.schema.RecordCheck;
import java.util.List;
import java.util.Optional;

/** Turns a source event into a checked OCSF record: as it is when it is OCSF already, else by a mapping. */
public final class Normalizer {
    private final MappingCatalog catalog;

    /** What became of one event. */
    public sealed interface Result {
        /**
         * @param ocsf the OCSF record
         * @param asff the ASFF finding, when the mapping has an ASFF form
         * @param via the mapping id, or {@code ocsf} for a record that was OCSF already
         */
        record Ok(ObjectNode ocsf, Optional<ObjectNode> asff, String via) implements Result {
        }

        /** @param reason one line */
        record Rejected(String reason) implements Result {
        }
    }

    /** @param catalog the mappings */
    public Normalizer(MappingCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param source the event
     * @return the record, or why not
     */
    public Result normalize(SourceEvent source) {
        JsonNode event = source.event();
        if (source.mappingId() == null && event.has("class_uid")) {
            List<String> problems = RecordCheck.check(event);
            return problems.isEmpty() ? new Result.Ok((ObjectNode) event, Optional.empty(), "ocsf")
                    : new Result.Rejected("OCSF record is invalid: " + String.join("; ", problems));
        }
        MappingCatalog.Selection selection = catalog.select(event, source.moduleId(), source.mappingId());
        if (selection instanceof MappingCatalog.Selection.NotFound nf) {
            return new Result.Rejected(nf.reason());
        }
        var mapping = ((MappingCatalog.Selection.Found) selection).mapping();
        MappingOutcome outcome = mapping.apply(event);
        if (outcome instanceof MappingOutcome.Failed f) {
            return new Result.Rejected(f.message());
        }
        MappingOutcome.Produced p = (MappingOutcome.Produced) outcome;
        return new Result.Ok(p.ocsf(), p.asff(), mapping.id());
    }
}
