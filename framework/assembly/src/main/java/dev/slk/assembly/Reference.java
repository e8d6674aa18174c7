package dev.slk.assembly;

/**
 * A value's pointer at another element of its template.
 *
 * @param kind how it points
 * @param logicalId the resource or parameter it names
 * @param attribute the attribute for {@code Fn::GetAtt} and {@code ${Id.Attr}}, else ""
 */
public record Reference(Kind kind, String logicalId, String attribute) {
    /** The intrinsic that made the reference. */
    public enum Kind {
        /** {@code {"Ref": "Id"}} */
        REF,
        /** {@code {"Fn::GetAtt": ["Id", "Attr"]}} or {@code "Id.Attr"} */
        GET_ATT,
        /** {@code ${Id}} or {@code ${Id.Attr}} inside {@code Fn::Sub} */
        SUB
    }
}
