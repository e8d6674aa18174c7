package dev.slk.iam.policy;

/** What a policy document governs. */
public enum PolicyKind {
    /** Attached to a role, user or group: what the principal may do. */
    IDENTITY,
    /** A role's trust policy: who may assume it. */
    TRUST,
    /** Attached to a resource (queue, topic, key, bucket, secret, function): who may use it. */
    RESOURCE
}
