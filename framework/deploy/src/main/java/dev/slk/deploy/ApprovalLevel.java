package dev.slk.deploy;

/** When a deployment needs a person's approval, as the CDK CLI's {@code --require-approval}. */
public enum ApprovalLevel {
    /** Never asks. */
    NEVER("never"),
    /** Asks whenever anything changes. */
    ANY_CHANGE("any-change"),
    /** Asks when IAM or security-group access broadens (the default in prod). */
    BROADENING("broadening");

    private final String label;

    ApprovalLevel(String label) {
        this.label = label;
    }

    /** @return the name users type */
    public String label() {
        return label;
    }

    /**
     * @param label {@code never}, {@code any-change} or {@code broadening}
     * @return the level
     * @throws IllegalArgumentException for anything else
     */
    public static ApprovalLevel parse(String label) {
        for (ApprovalLevel level : values()) {
            if (level.label.equals(label)) {
                return level;
            }
        }
        throw new IllegalArgumentException("expected never, any-change or broadening, not '" + label + "'");
    }

    /**
     * @param diff what will change
     * @return whether this level asks for approval of it
     */
    public boolean asksFor(DiffSummary diff) {
        return switch (this) {
            case NEVER -> false;
            case ANY_CHANGE -> diff.anyChange();
            case BROADENING -> diff.broadening();
        };
    }
}
