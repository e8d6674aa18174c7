package dev.slk.lambda.customsource;

import java.util.regex.Pattern;

/**
 * Where the external id is stored. The template carries only this reference; the function reads
 * the value at run time, so the id appears neither in the template nor in the stack's events.
 */
sealed interface ExternalIdRef permits ExternalIdRef.Secret, ExternalIdRef.Parameter {

    String SECRETS_MANAGER_PREFIX = "secretsmanager:";
    String SSM_PREFIX = "ssm:";

    /** The reference as written in the template, for messages and logs (it names, it does not reveal). */
    String text();

    /** A Secrets Manager secret by name or ARN; its SecretString is the id, or JSON with an "externalId" field. */
    record Secret(String secretId) implements ExternalIdRef {
        private static final Pattern ID = Pattern.compile("[A-Za-z0-9/_+=.@:-]{1,2048}");

        @Override
        public String text() {
            return SECRETS_MANAGER_PREFIX + secretId;
        }
    }

    /** An SSM Parameter Store SecureString by its full name, which starts with '/'. */
    record Parameter(String name) implements ExternalIdRef {
        private static final Pattern NAME = Pattern.compile("/[A-Za-z0-9_.\\-/]{1,2047}");

        @Override
        public String text() {
            return SSM_PREFIX + name;
        }
    }

    static ExternalIdRef parse(String text) {
        String usage = "; write secretsmanager:<secret name or ARN> or ssm:/<parameter name>";
        if (text.startsWith(SECRETS_MANAGER_PREFIX)) {
            String id = text.substring(SECRETS_MANAGER_PREFIX.length());
            if (!Secret.ID.matcher(id).matches()) {
                throw new InvalidPropertiesException("ExternalIdRef '" + text
                        + "' does not name a secret (1-2048 of A-Z a-z 0-9 / _ + = . @ : -)" + usage);
            }
            return new Secret(id);
        }
        if (text.startsWith(SSM_PREFIX)) {
            String name = text.substring(SSM_PREFIX.length());
            if (!Parameter.NAME.matcher(name).matches()) {
                throw new InvalidPropertiesException("ExternalIdRef '" + text
                        + "' does not name an SSM parameter (a full name starting with '/')" + usage);
            }
            return new Parameter(name);
        }
        throw new InvalidPropertiesException("ExternalIdRef '" + abbreviate(text) + "' has no known prefix" + usage);
    }

    /** A value with no prefix may be the id itself pasted by mistake: show only its length. */
    private static String abbreviate(String text) {
        return text.isEmpty() ? "" : "<" + text.length() + " characters>";
    }
}
