package dev.slk.scan.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Looking only at the lines with a keyword and an operator after it finds what looking at the
 * whole text finds, for the assignment rules that rely on it.
 */
class AssignmentLinesTest {

    private static final List<String> GENERIC = List.of("pass", "pwd", "secret", "token", "apikey", "api_key",
            "api-key", "api.key", "privatekey", "private_key", "private-key", "private.key", "authkey", "auth_key",
            "auth-key", "auth.key");

    /** @return how many matches both found */
    private static int assertSameAsWholeText(Predicate<String> key, List<String> keywords, String text) {
        AssignmentDetector whole = new AssignmentDetector(key, Values::genericSecret);
        Detector lines = Detectors.onAssignmentLines(whole, keywords);
        List<SecretMatch> expected = whole.find(text);
        assertEquals(expected, lines.find(text), text);
        return expected.size();
    }

    @Test
    void findsWhatTheWholeTextHoldsInTheCatalogueCases() {
        List<String> texts = new ArrayList<>();
        PositiveCases.all().forEach(p -> texts.add(p.text()));
        NegativeCases.common().forEach(n -> texts.add(n.text()));
        NegativeCases.specific().forEach(n -> texts.add(n.text()));
        for (String text : texts) {
            assertSameAsWholeText(KeyNames::holdsSecret, GENERIC, text);
            assertSameAsWholeText(KeyNames::awsSecretAccessKey,
                    List.of("aws", "secret_access_key", "secretaccesskey", "secret-access-key"), text);
        }
    }

    @Test
    void findsAnAssignmentInTheMiddleOfAMinifiedLine() {
        String secret = Fake.password(7);
        String filler = "f(a,b);var x=1;g.tokens(c);".repeat(400);
        String line = filler + "var o={user:\"app\",password:\"" + secret + "\"};" + filler + "\n";
        Detector generic = Detectors.onAssignmentLines(
                new AssignmentDetector(KeyNames::holdsSecret, Values::genericSecret), GENERIC);
        List<SecretMatch> found = generic.find(line);
        assertEquals(1, found.size());
        assertEquals(secret, found.get(0).secret());
        assertEquals(line.indexOf(secret), found.get(0).start());
    }

    /** Random lines of keys, operators, quotes, values and comments, keyword or not, in any order. */
    @Test
    void findsWhatTheWholeTextHoldsInRandomText() {
        List<String> pieces = List.of("password", "dbPassword", "API_KEY", "tokens", "secret", "x", "name", "pwd",
                "my.api.key", "AuthToken", "nextToken", " ", "\t", ": ", "=", " = ", ":=", "=>", "==", "\"", "'",
                "//", "#", ",", ";", "(", ")", "{", "}", "\n", "\r\n", Fake.password(1), Fake.password(2),
                Fake.of(Fake.ALNUM, 12, 3), "${VAR}", "changeme", "https://h/x?token=", "&", "tokenArn: arn:x:secret:",
                "rotate the password", "return tokens", "AWS_SECRET", "aws.key", "\npassword: ", "\nAPI_TOKEN=",
                " secret = '");
        Random random = new Random(42);
        int found = 0;
        for (int round = 0; round < 10_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(pieces.get(random.nextInt(pieces.size())));
            }
            found += assertSameAsWholeText(KeyNames::holdsSecret, GENERIC, text.toString());
        }
        assertTrue(found > 300, "the random texts hold assignments to compare: " + found);
    }
}
