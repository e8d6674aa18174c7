/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.googlescc.poller;

/** SCC finding notifications as Security Command Center publishes them, one per message id. */
final class Notifications {
    private Notifications() {
    }

    /**
     * @param n the message's number; the finding's name ends in it
     * @return the notification's JSON
     */
    static String finding(int n) {
        return """
                {"notificationConfigName": "organizations/123456789012/notificationConfigs/slk",
                 "finding": {"name": "organizations/123456789012/sources/42/findings/%d",
                   "resourceName": "//compute.googleapis.com/projects/acme-scc-4711/zones/europe-west1-b/instances/web-%d",
                   "state": "ACTIVE", "category": "Persistence: IAM Anomalous Grant", "findingClass": "THREAT",
                   "severity": "HIGH", "mute": "UNMUTED",
                   "description": "Principal \\"ops@acme.example\\" granted roles/owner — größer",
                   "eventTime": "2026-03-09T10:15:30.123Z", "createTime": "2026-03-09T10:16:02Z"},
                 "resource": {"name": "//compute.googleapis.com/projects/acme-scc-4711/zones/europe-west1-b/instances/web-%d",
                   "type": "google.compute.Instance", "project": "//cloudresourcemanager.googleapis.com/projects/987"}}
                """.formatted(n, n, n);
    }
}
