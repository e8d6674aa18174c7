package dev.slk.stack.core;

import java.util.List;
import software.amazon.awscdk.Aws;

/**
 * Where the Security Lake external id is kept: {@code secretsmanager:<name or ARN>} or
 * {@code ssm:/<SecureString parameter>}. Only the reference enters the template; the custom
 * resource's function reads the value at deploy time.
 *
 * @param reference the reference as written in the config
 * @param store which service keeps the value
 * @param name the secret name or ARN, or the parameter name
 */
record ExternalIdReference(String reference, Store store, String name) {

    /** The service that keeps the value. */
    enum Store { SECRETS_MANAGER, SSM_PARAMETER }

    static ExternalIdReference parse(String value) {
        if (value != null && value.startsWith("secretsmanager:") && value.length() > "secretsmanager:".length()) {
            return new ExternalIdReference(value, Store.SECRETS_MANAGER, value.substring("secretsmanager:".length()));
        }
        if (value != null && value.startsWith("ssm:/") && value.length() > "ssm:/".length()) {
            return new ExternalIdReference(value, Store.SSM_PARAMETER, value.substring("ssm:".length()));
        }
        throw new StackConfigurationException("securityLake.externalId must be a reference, secretsmanager:<name> or "
                + "ssm:/<parameter>: slk does not write a secret into a template (see docs/SECURITY_LAKE_CUSTOM_SOURCES.md)");
    }

    /** @return the IAM actions that read the value */
    List<String> readActions() {
        return store == Store.SECRETS_MANAGER ? List.of("secretsmanager:GetSecretValue") : List.of("ssm:GetParameter");
    }

    /** @return the ARN of the value, as narrow as its name allows */
    String resourceArn() {
        String prefix = "arn:" + Aws.PARTITION + ":";
        if (store == Store.SSM_PARAMETER) {
            return prefix + "ssm:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":parameter" + name;
        }
        if (name.startsWith("arn:")) {
            return name;
        }
        // Secrets Manager appends '-' and six random characters to a secret's name in its ARN.
        return prefix + "secretsmanager:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":secret:" + name + "-??????";
    }
}
