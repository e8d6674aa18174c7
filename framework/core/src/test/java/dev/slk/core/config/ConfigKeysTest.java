package dev.slk.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every key slk's code names is a key of the project schema, the configuration's one source. */
class ConfigKeysTest {

    @Test
    void everyPointerNamesAKeyOfTheProjectSchema() throws Exception {
        List<String> pointers = strings(ConfigKeys.class);
        assertTrue(pointers.size() > 20, "found " + pointers);
        assertEquals(List.of(), notInSchema(pointers));
    }

    @Test
    void everyKeyOfARepeatedBlockIsInEachOfItsBlocks() throws Exception {
        List<String> pointers = new ArrayList<>();
        for (Class<?> block : ConfigKeys.class.getDeclaredClasses()) {
            @SuppressWarnings("unchecked")
            List<String> under = (List<String>) field(block, "UNDER").get(null);
            for (String name : strings(block)) {
                under.forEach(parent -> pointers.add(ConfigKeys.child(parent, name)));
            }
        }
        assertEquals(5, ConfigKeys.class.getDeclaredClasses().length);
        assertEquals(List.of(), notInSchema(pointers));
    }

    @Test
    void everyEnvironmentOverrideAndItsTargetAreKeysOfTheSchema() {
        List<String> pointers = new ArrayList<>();
        for (Map.Entry<String, String> override : EnvironmentOverrides.targets().entrySet()) {
            pointers.add("/development" + override.getKey());
            pointers.add("/production" + override.getKey());
            pointers.add(override.getValue());
        }
        assertEquals(List.of(), notInSchema(pointers));
    }

    @Test
    void pointersTurnIntoTheNamesMessagesUse() {
        assertEquals("sqsQueue.deadLetterQueue.queueName", ConfigKeys.dotted(ConfigKeys.DEAD_LETTER_QUEUE_NAME));
        assertEquals("eventTransformer", ConfigKeys.name(ConfigKeys.EVENT_TRANSFORMER));
        assertEquals("/coreProcessing/eventTransformer/environment/A~1B~0C",
                ConfigKeys.child(ConfigKeys.child(ConfigKeys.EVENT_TRANSFORMER, ConfigKeys.Lambda.ENVIRONMENT), "A/B~C"));
        assertEquals("A/B~C", ConfigKeys.name("/x/A~1B~0C"));
    }

    private static List<String> notInSchema(List<String> pointers) {
        return pointers.stream().filter(p -> SchemaKeys.at(p).isMissingNode()).toList();
    }

    /** The public String constants of a class, and the items of its public List constants. */
    private static List<String> strings(Class<?> type) throws IllegalAccessException {
        List<String> out = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            int m = f.getModifiers();
            if (!Modifier.isStatic(m) || !Modifier.isPublic(m)) {
                continue;
            }
            Object value = f.get(null);
            if (value instanceof String s) {
                out.add(s);
            } else if (value instanceof List<?> list) {
                list.forEach(item -> out.add((String) item));
            }
        }
        return out;
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }
}
