package dev.slk.assembly;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a template with Jackson's streaming parser. A tree parser would lose positions; here the
 * position of each logical-id key is taken from the token stream and only the value under it is
 * read as a tree.
 */
final class TemplateParser {
    /** Synthesized templates of a large app stay far below this; anything bigger is not a template. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TemplateParser() {
    }

    /** @return the file as strict UTF-8 text, without a byte-order mark */
    static String readUtf8(Path file) throws StackTemplate.UnreadableTemplateException {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new StackTemplate.UnreadableTemplateException(
                        "it is " + size + " bytes, more than the " + MAX_BYTES + " checked", 1, 1);
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new StackTemplate.UnreadableTemplateException(
                    "it cannot be read (" + e.getClass().getSimpleName() + ")", 1, 1);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new StackTemplate.UnreadableTemplateException("it is not UTF-8 text", 1, 1);
        }
    }

    /** Parsed from characters, not bytes, so columns count characters. */
    static StackTemplate parse(String text, String stackName, String file) throws StackTemplate.UnreadableTemplateException {
        Map<String, Resource> resources = new LinkedHashMap<>();
        List<Output> outputs = new ArrayList<>();
        Set<String> parameters = new LinkedHashSet<>();
        try (JsonParser parser = MAPPER.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new StackTemplate.UnreadableTemplateException("it is not a JSON object", 1, 1);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String section = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value != JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    continue;
                }
                switch (section) {
                    case "Resources" -> readEntries(parser, (id, at, body) -> resources.put(id,
                            Resource.of(id, body, at.getLineNr(), at.getColumnNr())));
                    case "Outputs" -> readEntries(parser, (id, at, body) -> outputs.add(
                            new Output(id, body, at.getLineNr(), at.getColumnNr())));
                    case "Parameters" -> readEntries(parser, (id, at, body) -> parameters.add(id));
                    default -> parser.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            // Jackson's message can quote the offending text, which may be a secret: give the position only.
            JsonLocation at = e.getLocation();
            throw new StackTemplate.UnreadableTemplateException("it is not valid JSON",
                    at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr());
        } catch (IOException e) {
            // Parsing a String does no I/O; this only satisfies the parser's signature.
            throw new StackTemplate.UnreadableTemplateException("it could not be parsed", 1, 1);
        }
        return new StackTemplate(stackName, file, resources, outputs, parameters);
    }

    private interface EntrySink {
        void accept(String logicalId, JsonLocation at, JsonNode body);
    }

    private static void readEntries(JsonParser parser, EntrySink sink) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String logicalId = parser.currentName();
            JsonLocation at = parser.currentTokenLocation();
            parser.nextToken();
            JsonNode body = parser.readValueAsTree();
            if (body != null && body.isObject()) {
                sink.accept(logicalId, at, body);
            }
        }
    }
}
