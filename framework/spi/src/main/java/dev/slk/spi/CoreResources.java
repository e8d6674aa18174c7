package dev.slk.spi;

import java.util.Objects;
import java.util.Optional;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.sqs.IQueue;

/**
 * The shared resources of the core stack that a module builds on.
 *
 * <p>A module sends the events it fetches to {@link #eventQueue()}; the core event transformer
 * turns them into OCSF records in the Security Lake bucket. Grant, don't copy: use
 * {@code core.eventQueue().grantSendMessages(role)} and, when {@link #sharedKey()} is present,
 * {@code key.grantEncryptDecrypt(role)}.
 */
public final class CoreResources {
    private final IQueue eventQueue;
    private final IQueue eventDeadLetterQueue;
    private final IKey sharedKey;
    private final String securityLakeBucketName;
    private final Project project;

    /**
     * @param eventQueue the queue the event transformer consumes
     * @param eventDeadLetterQueue the dead-letter queue of {@code eventQueue}, or null when the
     *     project switched it off
     * @param sharedKey the shared customer-managed KMS key, or null when the project uses
     *     AWS-owned keys
     * @param securityLakeBucketName the Security Lake S3 bucket name
     * @param project the project as modules see it
     */
    public CoreResources(
            IQueue eventQueue,
            IQueue eventDeadLetterQueue,
            IKey sharedKey,
            String securityLakeBucketName,
            Project project) {
        this.eventQueue = Objects.requireNonNull(eventQueue, "eventQueue");
        this.eventDeadLetterQueue = eventDeadLetterQueue;
        this.sharedKey = sharedKey;
        this.securityLakeBucketName = Objects.requireNonNull(securityLakeBucketName, "securityLakeBucketName");
        this.project = Objects.requireNonNull(project, "project");
    }

    /** @return the queue modules send events to */
    public IQueue eventQueue() {
        return eventQueue;
    }

    /** @return the dead-letter queue of the event queue; empty when the project switched it off */
    public Optional<IQueue> eventDeadLetterQueue() {
        return Optional.ofNullable(eventDeadLetterQueue);
    }

    /** @return the shared customer-managed KMS key, empty when the project uses AWS-owned keys */
    public Optional<IKey> sharedKey() {
        return Optional.ofNullable(sharedKey);
    }

    /** @return the name of the Security Lake S3 bucket */
    public String securityLakeBucketName() {
        return securityLakeBucketName;
    }

    /** @return the project's names, region, account, tags and log retention; immutable */
    public Project project() {
        return project;
    }
}
