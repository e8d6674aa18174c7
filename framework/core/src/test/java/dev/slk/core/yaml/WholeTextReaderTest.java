package dev.slk.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.ScannerImpl;
import org.yaml.snakeyaml.tokens.AliasToken;
import org.yaml.snakeyaml.tokens.AnchorToken;
import org.yaml.snakeyaml.tokens.ScalarToken;
import org.yaml.snakeyaml.tokens.Token;

class WholeTextReaderTest {
    private static final List<String> TEXTS = List.of(
            "a: 1\nb: [x, y]\nc: {d: e}\n",
            "\uFEFFkey: value\r\nother: 'quoted '' text'\r\n",
            "lone: cr\rnext: line\r",
            "block: |\n  line one\n  line two\nfolded: >-\n  a\n  b\n",
            "emoji: \"\uD83D\uDE00 and \\u00e9\"\nnel: \"a\u0085b\"\nls: x\u2028y\n",
            "bad: [1,\n  two: 3\n",
            "- item\n- &anchor {k: v}\n- *anchor\n# comment\n",
            "long: " + "x".repeat(5000) + "\nafter: 1\n",
            "");

    @Test
    void tokensAndTheirPlacesAreThoseOfSnakeYamlsOwnReader() {
        for (String text : TEXTS) {
            assertEquals(tokens(new StreamReader(new StringReader(text))), tokens(new WholeTextReader(text)), text);
        }
    }

    @Test
    void aCharacterYamlForbidsIsRefusedAtItsPosition() {
        ReaderException e = assertThrows(ReaderException.class, () -> new WholeTextReader("ab\u0007c"));
        assertEquals(2, e.getPosition());
        assertEquals(7, e.getCodePoint());
    }

    private static String value(Token token) {
        if (token instanceof ScalarToken scalar) {
            return scalar.getStyle() + ":" + scalar.getValue();
        }
        if (token instanceof AnchorToken anchor) {
            return anchor.getValue();
        }
        return token instanceof AliasToken alias ? alias.getValue() : "";
    }

    private static List<String> tokens(StreamReader reader) {
        ScannerImpl scanner = new ScannerImpl(reader, new LoaderOptions());
        List<String> out = new ArrayList<>();
        while (true) {
            Token token;
            try {
                scanner.peekToken();
                token = scanner.getToken();
            } catch (YAMLException e) {
                // Errors must match too, marks included.
                out.add(e.getMessage());
                return out;
            }
            out.add(token.getTokenId() + "@" + token.getStartMark().getIndex() + "," + token.getStartMark().getLine()
                    + "," + token.getStartMark().getColumn() + "-" + token.getEndMark().getIndex() + ","
                    + token.getEndMark().getLine() + "," + token.getEndMark().getColumn() + " " + value(token));
            if (token.getTokenId() == Token.ID.StreamEnd) {
                return out;
            }
        }
    }
}
