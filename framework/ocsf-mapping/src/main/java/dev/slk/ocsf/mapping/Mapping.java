package dev.slk.ocsf.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.ocsf.schema.OcsfClass;
import dev.slk.ocsf.schema.OcsfClasses;
import dev.slk.ocsf.schema.RecordCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One declarative mapping: when its conditions hold on a source event, it builds an OCSF record of
 * its class (and optionally an ASFF finding) from constants and values read by JSONPath.
 *
 * <p>Instances come from {@link MappingLoader}; they are immutable and safe to share between threads.
 */
public final class Mapping {
    /** OCSF severity_id captions, for {@code severity} when a mapping does not set it. */
    private static final Map<Integer, String> SEVERITIES = Map.of(0, "Unknown", 1, "Informational", 2, "Low",
            3, "Medium", 4, "High", 5, "Critical", 6, "Fatal", 99, "Other");
    /** ASFF fields BatchImportFindings requires that a mapping must provide. */
    static final List<String> ASFF_REQUIRED = List.of("Id", "GeneratorId", "Title", "Description", "Types",
            "CreatedAt", "UpdatedAt", "Severity", "Resources");

    private final String id;
    private final String description;
    private final OcsfClass ocsfClass;
    private final Condition when;
    private final List<FieldRule> ocsf;
    private final List<FieldRule> asff;
    private final Location location;

    Mapping(String id, String description, OcsfClass ocsfClass, Condition when, List<FieldRule> ocsf,
            List<FieldRule> asff, Location location) {
        this.id = id;
        this.description = description;
        this.ocsfClass = ocsfClass;
        this.when = when;
        this.ocsf = List.copyOf(ocsf);
        this.asff = asff == null ? null : List.copyOf(asff);
        this.location = location;
    }

    /** @return the mapping id, unique among loaded mappings */
    public String id() {
        return id;
    }

    /** @return the description, possibly empty */
    public String description() {
        return description;
    }

    /** @return the OCSF class the mapping produces */
    public OcsfClass ocsfClass() {
        return ocsfClass;
    }

    /** @return where the mapping is written */
    public Location location() {
        return location;
    }

    /** @return whether the mapping also produces an ASFF finding for Security Hub */
    public boolean hasAsff() {
        return asff != null;
    }

    /** @return the OCSF target paths the mapping sets, in file order */
    public List<String> ocsfTargets() {
        return ocsf.stream().map(FieldRule::target).toList();
    }

    /**
     * @param event a source event
     * @return whether the mapping's conditions hold
     */
    public boolean matches(JsonNode event) {
        return when.test(event);
    }

    /**
     * Applies the mapping, whether or not its conditions hold.
     *
     * @param event a source event
     * @return the OCSF record (checked against the class) and the ASFF finding, or why not
     */
    public MappingOutcome apply(JsonNode event) {
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        record.put("class_uid", ocsfClass.uid());
        record.put("class_name", ocsfClass.caption());
        record.put("category_uid", ocsfClass.categoryUid());
        record.put("category_name", ocsfClass.categoryName());
        record.putObject("metadata").put("version", OcsfClasses.OCSF_VERSION);
        try {
            for (FieldRule f : ocsf) {
                f.applyTo(record, event, event);
            }
        } catch (ValueRule.RuleException e) {
            return failed(e.location(), e.getMessage());
        }
        derive(record);
        List<String> problems = RecordCheck.check(record, ocsfClass);
        if (!problems.isEmpty()) {
            return failed(location, "the " + ocsfClass.caption() + " it built is invalid: " + String.join("; ", problems));
        }
        if (asff == null) {
            return new MappingOutcome.Produced(record, Optional.empty());
        }
        ObjectNode finding = JsonNodeFactory.instance.objectNode();
        try {
            for (FieldRule f : asff) {
                f.applyTo(finding, event, event);
            }
        } catch (ValueRule.RuleException e) {
            return failed(e.location(), "asff " + e.getMessage());
        }
        List<String> missing = new ArrayList<>();
        for (String field : ASFF_REQUIRED) {
            JsonNode v = finding.get(field);
            if (v == null || v.isNull() || (v.isContainerNode() && v.isEmpty())) {
                missing.add(field);
            }
        }
        if (!missing.isEmpty()) {
            return failed(location, "the ASFF finding it built lacks " + String.join(", ", missing));
        }
        return new MappingOutcome.Produced(record, Optional.of(finding));
    }

    private void derive(ObjectNode record) {
        JsonNode activity = record.get("activity_id");
        if (activity != null && activity.isIntegralNumber() && activity.canConvertToInt()) {
            int activityId = activity.intValue();
            record.put("type_uid", ocsfClass.uid() * 100L + activityId);
            Optional<String> activityName = ocsfClass.activityName(activityId);
            if (!record.has("activity_name") && activityName.isPresent()) {
                record.put("activity_name", activityName.get());
            }
            if (!record.has("type_name")) {
                record.put("type_name", ocsfClass.caption() + ": " + activityName.orElse(activityId == 99 ? "Other"
                        : activityId == 0 ? "Unknown" : Integer.toString(activityId)));
            }
        }
        JsonNode severity = record.get("severity_id");
        if (severity != null && severity.isIntegralNumber() && !record.has("severity")
                && SEVERITIES.containsKey(severity.intValue())) {
            record.put("severity", SEVERITIES.get(severity.intValue()));
        }
    }

    private MappingOutcome failed(Location where, String message) {
        return new MappingOutcome.Failed("mapping " + id + " (" + where + "): " + message);
    }

    @Override
    public String toString() {
        return id + " (" + location + ")";
    }
}
