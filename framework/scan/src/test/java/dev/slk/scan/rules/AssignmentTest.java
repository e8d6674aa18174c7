package dev.slk.scan.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slk.scan.files.ScanText;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AssignmentTest {

    private static List<Assignment> all(String text) {
        return Assignment.in(ScanText.of(text), k -> true);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
        "key: value1|key|value1|true",
        "key : value1  # note|key|value1|true",
        "\"key\": \"value 1\",|key|value 1|false",
        "'key': 'value1'|key|value1|false",
        "KEY=value1|KEY|value1|true",
        "export KEY=\"value1\"|KEY|value1|false",
        "String key = \"value1\";|key|value1|false",
        "key := `value1`|key|value1|false",
        ":key => 'value1'|key|value1|false",
        "--key=value1|key|value1|true",
        "a.b-c_d=value1 // why|a.b-c_d|value1|true",
        "key=va&lue1|key|va&lue1|true",
    })
    void readsEverySyntax(String text, String key, String value, boolean bare) {
        List<Assignment> found = all(text);
        assertEquals(1, found.size(), text);
        Assignment a = found.get(0);
        assertEquals(key, a.key());
        assertEquals(value, a.value());
        assertEquals(bare, a.bare());
        assertEquals(value, text.substring(a.start(), a.end()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"key = value;", "key = call(x)", "key = a[0]", "key: value more", "key == value",
        "key != value", "key: \"unterminated", "key: ''", "key:\n  value"})
    void skipsExpressionsAndNonLiterals(String text) {
        assertEquals(List.of(), all(text));
    }

    @Test
    void readsSeveralPerLine() {
        List<Assignment> found = all("{\"a\": \"x1\", \"b\": \"y2\"}");
        assertEquals(List.of("x1", "y2"), found.stream().map(Assignment::value).toList());
    }

    @Test
    void readsQueryParameters() {
        List<Assignment> found = all("curl https://api/x?token=abc1&scope=read\n");
        assertEquals(List.of("token", "scope"), found.stream().map(Assignment::key).toList());
        assertEquals(List.of("abc1", "read"), found.stream().map(Assignment::value).toList());
    }

    @Test
    void skipsKeysTheRuleDoesNotWant() {
        assertEquals(List.of("v2"), Assignment.in(ScanText.of("a: v1\nb: v2\n"), k -> k.equals("b")).stream()
                .map(Assignment::value).toList());
    }
}
