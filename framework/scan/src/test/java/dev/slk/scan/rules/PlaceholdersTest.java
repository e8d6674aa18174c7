package dev.slk.scan.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceholdersTest {

    @ParameterizedTest
    @ValueSource(strings = {"PLACEHOLDER", "placeholder-token", "Placeholder_1234", "REPLACE_ME", "replace_with_key",
        "REPLACE-ME", "<your-token>", "<password>", "${DB_PASSWORD}", "${}", "{{ api_key }}", "{{resolve:ssm:x}}",
        "%(password)s", "changeme", "CHANGEME", "change_me", "xxxx", "XXXXXXXXXXXX", "abcxxxxdef", "example",
        "my-EXAMPLE-key", "dummy", "DummySecret1", "your_api_key", "YOUR-TOKEN", "***", "pa***ss", "...", "abc...",
        "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AKIAI44QH8DHBEXAMPLE",
        "anythingEXAMPLE"})
    void placeholders(String value) {
        assertTrue(Placeholders.isPlaceholder(value), value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "xxx", "replace", "changes", "you", "yours", "**", "..", "a.b", "<", ">a<",
        "$VAR", "{x}", "%s", "exampl", "s3cr3tValue", "ab<cd"})
    void notPlaceholders(String value) {
        assertFalse(Placeholders.isPlaceholder(value), value);
    }

    @Test
    void nullIsTreatedAsAPlaceholder() {
        assertTrue(Placeholders.isPlaceholder(null));
    }

    @Test
    void randomValueIsNotAPlaceholder() {
        assertFalse(Placeholders.isPlaceholder(Fake.of(Fake.ALNUM, 40)));
    }
}
