package dev.slk.iam.rules;

import dev.slk.core.findings.Rule;
import dev.slk.core.findings.Severity;
import java.util.List;

/** The iam-analyzer's rules: ids, default severities, what they find and how to fix it (docs/IAM_ANALYZER.md). */
public final class IamRules {
    public static final Rule MALFORMED = new Rule("iam-malformed-statement", Severity.HIGH,
            "A policy or statement is not shaped as IAM requires (Effect, Action/NotAction, Resource/NotResource, Principal).",
            "Give every statement an Effect of Allow or Deny, one of Action/NotAction and, except in trust policies, one of Resource/NotResource.");
    public static final Rule VERSION = new Rule("iam-policy-version", Severity.MEDIUM,
            "The policy has no Version, or the old 2008-10-17, under which policy variables are plain text.",
            "Set \"Version\": \"2012-10-17\".");
    public static final Rule INVALID_SID = new Rule("iam-invalid-sid", Severity.HIGH,
            "A Sid holds characters other than ASCII letters and digits; IAM rejects it at deployment.",
            "Use only A-Z, a-z and 0-9 in Sids (no hyphens, spaces or underscores).");
    public static final Rule DUPLICATE_SID = new Rule("iam-duplicate-sid", Severity.HIGH,
            "Two statements of one policy share a Sid; IAM rejects the policy.", "Give each statement its own Sid.");
    public static final Rule UNKNOWN_SERVICE = new Rule("iam-unknown-service", Severity.HIGH,
            "An action names a service prefix AWS does not have.", "Use the service prefix of AWS's service authorization reference.");
    public static final Rule UNKNOWN_ACTION = new Rule("iam-unknown-action", Severity.HIGH,
            "An action (or action pattern) names nothing the service has.", "Use the action's exact name; see the suggestion.");
    public static final Rule UNKNOWN_CONDITION_KEY = new Rule("iam-unknown-condition-key", Severity.MEDIUM,
            "A condition key is neither global nor supported by any action of the statement, so the condition never holds as meant.",
            "Use a key the statement's actions support (service authorization reference) or a global aws: key.");
    public static final Rule CONDITION_TYPE = new Rule("iam-condition-operator-type", Severity.MEDIUM,
            "A condition operator does not fit its key's type (e.g. StringEquals on an ARN or Bool key, NumericLessThan on a string).",
            "Use the operator family of the key's type: String*, Arn*, Bool, Numeric*, Date*, IpAddress.");
    public static final Rule RESOURCE_MISMATCH = new Rule("iam-resource-mismatch", Severity.MEDIUM,
            "An action cannot apply to any resource of the statement: no resource type of the action fits the ARN, or the action takes only \"*\".",
            "Name a resource of a type the action supports, or move the action to a statement with \"Resource\": \"*\" if it takes no resource.");
    public static final Rule WILDCARD_RESOURCE = new Rule("iam-wildcard-resource", Severity.MEDIUM,
            "An action that can be scoped to resources is granted on \"*\" or on an account-wide wildcard ARN.",
            "Name the resources (Ref/GetAtt of the template's resources); keep suffix wildcards inside resources the module owns.");
    public static final Rule WILDCARD_ACTION = new Rule("iam-wildcard-action", Severity.HIGH,
            "An identity policy allows every action (\"*\") or every action of a service (\"svc:*\").",
            "List the actions the code calls.");
    public static final Rule NOT_ACTION = new Rule("iam-allow-not-action", Severity.HIGH,
            "An Allow statement uses NotAction or NotResource: it grants everything except what it lists, including actions AWS adds later.",
            "Allow an explicit Action and Resource list; keep NotAction/NotResource for Deny statements.");
    public static final Rule PRIVILEGE_ESCALATION = new Rule("iam-privilege-escalation", Severity.CRITICAL,
            "A principal holds a known privilege-escalation combination of actions (Parliament's and Cloudsplaining's sets).",
            "Remove one action of the combination, or scope it to resources the principal cannot use to escalate.");
    public static final Rule PASS_ROLE = new Rule("iam-passrole-unscoped", Severity.HIGH,
            "iam:PassRole is granted on \"*\" or an account-wide wildcard: the principal may hand any role to a service.",
            "Name the role ARNs that may be passed and add a StringEquals iam:PassedToService condition.");
    public static final Rule PASS_ROLE_NO_SERVICE = new Rule("iam-passrole-no-service", Severity.LOW,
            "iam:PassRole on named roles has no iam:PassedToService condition; the roles may be passed to any service.",
            "Add a StringEquals iam:PassedToService condition naming the service that receives the role.");
    public static final Rule CREDENTIALS_EXPOSURE = new Rule("iam-credentials-exposure", Severity.HIGH,
            "An action that returns credentials (access keys, session tokens, passwords) is granted on \"*\".",
            "Name the users or roles concerned, or drop the action.");
    public static final Rule DATA_EXFILTRATION = new Rule("iam-data-exfiltration", Severity.HIGH,
            "An action that reads secret or stored data (secretsmanager:GetSecretValue, ssm:GetParameter*, s3:GetObject...) is granted on \"*\".",
            "Name the secrets, parameters or objects the code reads.");
    public static final Rule PERMISSIONS_MANAGEMENT = new Rule("iam-permissions-management", Severity.HIGH,
            "A permissions-management action (one that changes who may do what) is granted on \"*\".",
            "Name the resources whose policies the code changes.");
    public static final Rule CROSS_MODULE = new Rule("iam-cross-module-access", Severity.HIGH,
            "A module's principal may use a resource (secret, table, queue, function, bucket, key) another module owns.",
            "Let each module use only its own resources and the core's; share data through the core queue.");
    public static final Rule KMS_WILDCARD = new Rule("iam-kms-wildcard", Severity.HIGH,
            "An identity policy allows kms:Decrypt, Encrypt, ReEncrypt* or GenerateDataKey* on \"*\": every key whose key policy trusts the account.",
            "Name the key (GetAtt Key.Arn); in a key policy \"*\" means the key itself and is fine.");
    public static final Rule TRUST_WILDCARD = new Rule("iam-trust-any-principal", Severity.CRITICAL,
            "A trust or resource policy allows any principal (\"*\") without a condition that narrows it.",
            "Name the principals, or add aws:SourceAccount, aws:SourceArn or aws:PrincipalOrgID conditions.");
    public static final Rule CONFUSED_DEPUTY = new Rule("iam-confused-deputy", Severity.MEDIUM,
            "A service principal that acts for many accounts is trusted without aws:SourceAccount or aws:SourceArn.",
            "Add a condition on aws:SourceAccount (this account) or aws:SourceArn (the resource that calls).");
    public static final Rule NAG_STALE = new Rule("iam-nag-stale-suppression", Severity.LOW,
            "A cdk-nag AwsSolutions-IAM5 suppression lists an appliesTo entry that matches no wildcard of the resource any more.",
            "Remove the entry, so the suppression hides nothing new later.");
    public static final Rule NAG_HIDES_RISK = new Rule("iam-nag-suppression-hides-risk", Severity.HIGH,
            "A cdk-nag AwsSolutions-IAM5 suppression covers a wildcard that grants privilege-escalation, credentials or permissions-management actions.",
            "Narrow the wildcard so it no longer reaches those actions, then narrow the suppression.");
    public static final Rule NEW_ACCESS = new Rule("iam-new-access", Severity.HIGH,
            "A module has access its access baseline does not list.",
            "Remove the access, or accept it: slk iam-analyzer --module ID --baseline FILE --update-baseline, and commit the file.");
    public static final Rule ONLINE_ERROR = new Rule("iam-access-analyzer-error", Severity.HIGH,
            "With --online, IAM Access Analyzer ValidatePolicy reports an error: IAM would refuse the policy.",
            "Fix the policy as the finding's issue code and link say.");
    public static final Rule ONLINE_SECURITY_WARNING = new Rule("iam-access-analyzer-security-warning", Severity.HIGH,
            "With --online, IAM Access Analyzer ValidatePolicy reports a security warning: the policy grants more than it seems.",
            "Narrow the policy as the finding's issue code and link say.");
    public static final Rule ONLINE_WARNING = new Rule("iam-access-analyzer-warning", Severity.MEDIUM,
            "With --online, IAM Access Analyzer ValidatePolicy reports a warning: the policy does not follow IAM's conventions.",
            "Follow the finding's link.");
    public static final Rule ONLINE_SUGGESTION = new Rule("iam-access-analyzer-suggestion", Severity.LOW,
            "With --online, IAM Access Analyzer ValidatePolicy suggests a change that does not alter what the policy allows.",
            "Follow the finding's link, or leave it.");
    public static final Rule ONLINE_NEW_ACCESS = new Rule("iam-access-analyzer-new-access", Severity.HIGH,
            "With --online and --baseline, IAM Access Analyzer CheckNoNewAccess finds that a module's policy allows more than its baseline.",
            "Remove the access, or accept it: slk iam-analyzer --module ID --baseline FILE --update-baseline, and commit the file.");

    private IamRules() {
    }

    /** @return every rule, in the documentation's order */
    public static List<Rule> all() {
        return List.of(MALFORMED, VERSION, INVALID_SID, DUPLICATE_SID, UNKNOWN_SERVICE, UNKNOWN_ACTION,
                UNKNOWN_CONDITION_KEY, CONDITION_TYPE, RESOURCE_MISMATCH, WILDCARD_RESOURCE, WILDCARD_ACTION, NOT_ACTION,
                PRIVILEGE_ESCALATION, PASS_ROLE, PASS_ROLE_NO_SERVICE, CREDENTIALS_EXPOSURE, DATA_EXFILTRATION, PERMISSIONS_MANAGEMENT,
                CROSS_MODULE, KMS_WILDCARD, TRUST_WILDCARD, CONFUSED_DEPUTY, NAG_STALE, NAG_HIDES_RISK, NEW_ACCESS,
                ONLINE_ERROR, ONLINE_SECURITY_WARNING, ONLINE_WARNING, ONLINE_SUGGESTION, ONLINE_NEW_ACCESS);
    }
}
