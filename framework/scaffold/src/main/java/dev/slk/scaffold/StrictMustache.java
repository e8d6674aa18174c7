package dev.slk.scaffold;

import com.github.mustachejava.Binding;
import com.github.mustachejava.Code;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheResolver;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.reflect.ReflectionObjectHandler;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;

/**
 * Mustache for code: a variable without a value is an error naming the template, line and
 * variable (never an empty string), nothing is HTML-escaped, and partials are refused so a
 * template can only read what it is given.
 */
final class StrictMustache {
    private StrictMustache() {
    }

    /**
     * @param templateName the template's name, for messages (e.g. {@code module/java21/pom.xml})
     * @param text the template
     * @param model variable name to value: strings, booleans, lists of maps
     * @return the rendered text
     * @throws ScaffoldException when the template is malformed or uses a variable the model lacks
     */
    static String render(String templateName, String text, Map<String, ?> model) throws ScaffoldException {
        Factory factory = new Factory();
        try {
            Mustache mustache = factory.compile(new StringReader(text), templateName);
            StringWriter out = new StringWriter(text.length() + 256);
            mustache.execute(out, model).flush();
            return out.toString();
        } catch (MissingVariable e) {
            throw new ScaffoldException(templateName + ":" + e.line + ": no value for template variable '"
                    + e.variable + "'" + hint(model, e.variable));
        } catch (MustacheException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
                if (cause instanceof MissingVariable missing) {
                    throw new ScaffoldException(templateName + ":" + missing.line
                            + ": no value for template variable '" + missing.variable + "'"
                            + hint(model, missing.variable));
                }
            }
            throw new ScaffoldException(templateName + ": is not a valid Mustache template: " + oneLine(e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hint(Map<String, ?> model, String variable) {
        return dev.slk.core.schema.DidYouMean.suggest(variable, model.keySet())
                .map(s -> " (did you mean '" + s + "'?)").orElse("");
    }

    private static String oneLine(String message) {
        return message == null ? "unknown error" : message.replaceAll("\\s+", " ").trim();
    }

    /** Thrown from inside rendering; turned into a {@link ScaffoldException} with the template name. */
    private static final class MissingVariable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String variable;
        private final int line;

        MissingVariable(String variable, int line) {
            super("missing " + variable, null, false, false);
            this.variable = variable;
            this.line = line;
        }
    }

    private static final class Factory extends DefaultMustacheFactory {
        Factory() {
            super((MustacheResolver) name -> {
                throw new MustacheException("partials ({{> " + name + "}}) are not supported");
            });
            setObjectHandler(new StrictObjectHandler());
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new MustacheException("cannot write", e);
            }
        }

        @Override
        public Reader getReader(String resourceName) {
            throw new MustacheException("partials ({{> " + resourceName + "}}) are not supported");
        }
    }

    /** Looks values up as usual, but a lookup that finds nothing fails instead of rendering nothing. */
    private static final class StrictObjectHandler extends ReflectionObjectHandler {
        @Override
        public Binding createBinding(String name, TemplateContext tc, Code code) {
            Binding binding = super.createBinding(name, tc, code);
            return scopes -> {
                Object value = binding.get(scopes);
                if (value == null) {
                    throw new MissingVariable(name, tc.line());
                }
                return value;
            };
        }
    }
}
