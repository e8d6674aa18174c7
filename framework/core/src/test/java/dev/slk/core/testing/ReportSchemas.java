package dev.slk.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.slk.core.report.JsonReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * Validates reports against the schemas of their formats, all read from the class path: slk's own
 * JSON report schema, the OASIS SARIF 2.1.0 schema and the Jenkins JUnit XML schema (test
 * resources, see their README).
 */
public final class ReportSchemas {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema REPORT = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(read(JsonReport.SCHEMA_RESOURCE));
    private static final JsonSchema SARIF = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
            .getSchema(read("/dev/slk/core/report/sarif-schema-2.1.0.json"));
    private static final Schema JUNIT = junitSchema();

    private ReportSchemas() {
    }

    /** @return the document, after asserting that slk's JSON report schema accepts it */
    public static JsonNode assertValidJsonReport(String document) {
        return assertValid(REPORT, document, "slk report v1");
    }

    /** @return the document, after asserting that the SARIF 2.1.0 schema accepts it */
    public static JsonNode assertValidSarif(String document) {
        return assertValid(SARIF, document, "SARIF 2.1.0");
    }

    /** Asserts that the JUnit XML schema accepts the document. */
    public static void assertValidJUnit(String document) {
        try {
            JUNIT.newValidator().validate(new StreamSource(new StringReader(document)));
        } catch (SAXException e) {
            fail("JUnit XML rejected: " + e.getMessage() + "\n" + document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode assertValid(JsonSchema schema, String document, String what) {
        JsonNode node;
        try {
            node = JSON.readTree(document);
        } catch (IOException e) {
            throw new AssertionError(what + ": not JSON: " + e.getMessage(), e);
        }
        Set<ValidationMessage> problems = schema.validate(node);
        assertEquals(Set.of(), problems, what + " schema rejects the document");
        return node;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = ReportSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema junitSchema() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(ReportSchemas.class.getResource("/dev/slk/core/report/junit-10.xsd"));
        } catch (SAXException e) {
            throw new IllegalStateException("the JUnit XSD does not load", e);
        }
    }
}
