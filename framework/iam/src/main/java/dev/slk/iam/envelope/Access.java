package dev.slk.iam.envelope;

import java.util.Comparator;

/**
 * One grant of a module's effective access: an action on a resource, with or without a condition.
 *
 * @param action the action ({@code sqs:SendMessage}), expanded from patterns; {@code *} stays {@code *}
 * @param resource the resource as cdk-nag writes it ({@code <EventQueue.Arn>}, {@code *}, a literal ARN)
 * @param owner who owns the resource: {@code core}, {@code module x}, {@code CDK framework}, or {@code outside}
 *     for a literal ARN or {@code *}
 * @param conditional whether a condition narrows the grant
 */
public record Access(String action, String resource, String owner, boolean conditional) implements Comparable<Access> {
    private static final Comparator<Access> ORDER = Comparator.comparing(Access::action)
            .thenComparing(Access::resource).thenComparing(Access::owner).thenComparing(Access::conditional);

    /** @return the grant without its condition flag, for comparing with a baseline */
    public String key() {
        return action + " on " + resource + " (" + owner + ")";
    }

    /** @return whether this grant is covered by {@code other}: the same, or the same with no condition there */
    public boolean coveredBy(Access other) {
        return key().equals(other.key()) && (conditional || !other.conditional);
    }

    @Override
    public int compareTo(Access o) {
        return ORDER.compare(this, o);
    }
}
