package dev.slk.ocsf.schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An OCSF event class Security Lake accepts from custom sources.
 *
 * @param name the upper-snake-case name Security Lake uses, e.g. {@code DETECTION_FINDING}
 * @param uid the class_uid, e.g. 2004
 * @param caption the OCSF caption, e.g. {@code Detection Finding}
 * @param categoryUid the category_uid (class_uid / 1000)
 * @param categoryName the category caption
 * @param requiredAttributes dotted paths required by this class, base event included; a path
 *     below an object applies when the object is present
 * @param activities activity_id captions, where slk knows them
 */
public record OcsfClass(String name, int uid, String caption, int categoryUid, String categoryName,
        List<String> requiredAttributes, Map<Integer, String> activities) {

    public OcsfClass {
        requiredAttributes = List.copyOf(requiredAttributes);
        activities = Map.copyOf(activities);
    }

    /**
     * @param activityId an activity_id
     * @return the activity caption, when known
     */
    public Optional<String> activityName(int activityId) {
        return Optional.ofNullable(activities.get(activityId));
    }
}
