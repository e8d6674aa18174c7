package dev.slk.iam.policy;

import java.util.List;

/**
 * A string of a policy (an action, a resource, a principal, a condition value) with its intrinsics resolved.
 *
 * @param text how cdk-nag writes it: literals as they are, {@code <LogicalId.Attr>} for {@code Fn::GetAtt},
 *     {@code <LogicalId>} for a {@code Ref}, {@code <AWS::Partition>} for a pseudo parameter; shown to users
 * @param sample the same string with each reference replaced by a value of the form it has at deploy time
 *     (an ARN for an ARN attribute, a name for a name), used only to compare it with ARN formats, never shown
 * @param targets the template's resources it names, in order
 * @param resolved false when it holds an intrinsic slk does not evaluate ({@code Fn::If}, {@code Fn::ImportValue},
 *     a parameter...), so its deploy-time form is unknown
 */
public record PolicyValue(String text, String sample, List<Target> targets, boolean resolved) {
    /** Copies the list. */
    public PolicyValue {
        targets = List.copyOf(targets);
    }

    /** @return a plain literal */
    public static PolicyValue literal(String text) {
        return new PolicyValue(text, text, List.of(), true);
    }

    /** @return whether it is exactly {@code *} */
    public boolean isStar() {
        return resolved && targets.isEmpty() && text.equals("*");
    }

    /** @return whether its literal parts hold a wildcard ({@code *} or {@code ?}) */
    public boolean hasWildcard() {
        return Values.literalParts(text).contains("*") || Values.literalParts(text).contains("?");
    }
}
