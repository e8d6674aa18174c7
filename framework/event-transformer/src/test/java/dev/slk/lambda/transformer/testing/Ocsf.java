package dev.slk.lambda.transformer.testing;

/** OCSF records for tests. */
public final class Ocsf {
    private Ocsf() {
    }

    /** @return a valid Detection Finding whose metadata.uid is {@code uid} */
    public static String detectionFinding(String uid, long time) {
        return """
                {"class_uid": 2004, "category_uid": 2, "type_uid": 200401, "activity_id": 1, "severity_id": 2,
                 "time": %d, "message": "finding %s",
                 "metadata": {"version": "1.1.0", "uid": "%s", "product": {"name": "Probe", "vendor_name": "Example"}},
                 "finding_info": {"uid": "f-%s", "title": "Probe finding", "types": ["probe"]}}"""
                .formatted(time, uid, uid, uid);
    }

    /** @return a valid Authentication event whose metadata.uid is {@code uid} */
    public static String authentication(String uid, long time) {
        return """
                {"class_uid": 3002, "category_uid": 3, "type_uid": 300201, "activity_id": 1, "severity_id": 1,
                 "time": %d, "user": {"name": "alice", "uid": "u-1"}, "is_mfa": true,
                 "metadata": {"version": "1.1.0", "uid": "%s", "product": {"name": "Probe", "vendor_name": "Example"}}}"""
                .formatted(time, uid);
    }
}
