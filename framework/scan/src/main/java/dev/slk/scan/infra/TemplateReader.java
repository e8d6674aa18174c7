package dev.slk.scan.infra;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a template with Jackson's streaming parser. A tree parser would lose positions; here the
 * position of each logical-id key is taken from the token stream and only the value under it is
 * read as a tree.
 */
final class TemplateReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TemplateReader() {
    }

    /** A template that is not JSON of the expected shape; the message never quotes the content. */
    static final class MalformedTemplateException extends Exception {
        private final int line;
        private final int column;

        MalformedTemplateException(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        int line() {
            return line;
        }

        int column() {
            return column;
        }
    }

    /**
     * @param text the template; parsed from characters, not bytes, so columns count characters
     * @return its resources and outputs
     * @throws MalformedTemplateException when it is not a JSON object
     */
    static CfnTemplate read(String text) throws MalformedTemplateException {
        Map<String, CfnTemplate.Entry> resources = new LinkedHashMap<>();
        List<CfnTemplate.Entry> outputs = new ArrayList<>();
        try (JsonParser parser = MAPPER.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedTemplateException("it is not a JSON object", 1, 1);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String section = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.START_OBJECT && section.equals("Resources")) {
                    readEntries(parser, e -> resources.put(e.logicalId(), e));
                } else if (value == JsonToken.START_OBJECT && section.equals("Outputs")) {
                    readEntries(parser, outputs::add);
                } else {
                    parser.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            // Jackson's message can quote the offending text, which may be a secret: give the position only.
            JsonLocation at = e.getLocation();
            throw new MalformedTemplateException("it is not valid JSON",
                    at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr());
        } catch (IOException e) {
            // Parsing a String does no I/O; this only satisfies the parser's signature.
            throw new MalformedTemplateException("it could not be parsed", 1, 1);
        }
        return new CfnTemplate(resources, outputs);
    }

    private static void readEntries(JsonParser parser, java.util.function.Consumer<CfnTemplate.Entry> sink)
            throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String logicalId = parser.currentName();
            JsonLocation at = parser.currentTokenLocation();
            parser.nextToken();
            JsonNode body = parser.readValueAsTree();
            if (body != null && body.isObject()) {
                sink.accept(new CfnTemplate.Entry(logicalId, at.getLineNr(), at.getColumnNr(), body));
            }
        }
    }
}
