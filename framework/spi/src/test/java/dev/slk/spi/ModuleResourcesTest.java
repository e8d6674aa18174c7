package dev.slk.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.sqs.Queue;

class ModuleResourcesTest {

    @Test
    void aResourceIsFoundByNameAndTypeAndAWrongOneIsNamed() {
        Queue queue = new Queue(new Stack(new App(), "S"), "Dlq");
        ModuleResources created = ModuleResources.builder().resource("Dlq", queue).build();
        assertSame(queue, created.resource("Dlq", Queue.class));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> created.resource("Dlq", software.amazon.awscdk.services.logs.LogGroup.class));
        assertEquals("createResources returned no LogGroup named 'Dlq'", e.getMessage());
    }

    @Test
    void anUnknownFunctionIsNamedWithTheOnesThatExist() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModuleResources.none().function("EventProcessor"));
        assertEquals("createResources returned no function named 'EventProcessor'", e.getMessage());
        assertTrue(ModuleResources.none().isEmpty());
    }

    @Test
    void aNameAddedTwiceIsRefused() {
        Stack stack = new Stack(new App(), "S");
        ModuleResources.Builder builder = ModuleResources.builder().resource("Q", new Queue(stack, "A"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder.resource("Q", new Queue(stack, "B")));
        assertEquals("'Q' is added twice", e.getMessage());
    }
}
