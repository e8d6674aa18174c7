package dev.slk.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DestroyConfirmationTest {
    private static final String STACK = "security-lake-integration-prod";

    @Test
    void prodDestroysOnlyWhenTheStackNameIsTyped() {
        List<String> prompts = new ArrayList<>();
        assertEquals(Optional.empty(), DestroyConfirmation.refusal(true, "prod", STACK, false, null, p -> {
            prompts.add(p);
            return STACK + "\n";
        }));
        assertEquals(List.of("Type the stack's name (" + STACK + ") to destroy it: "), prompts);
        assertEquals(Optional.of("the name typed is not " + STACK + "; nothing was destroyed"),
                DestroyConfirmation.refusal(true, "prod", STACK, true, null, p -> "y"));
    }

    @Test
    void prodWithoutATerminalNeedsConfirmStackAndYesIsNotEnough() {
        Optional<String> refusal = DestroyConfirmation.refusal(true, "prod", STACK, true, null, null);
        assertTrue(refusal.orElseThrow().startsWith("destroying " + STACK + " in prod asks for its name to be typed"
                + " and there is no terminal to ask on; nothing was destroyed"), refusal.toString());
        assertEquals(Optional.empty(), DestroyConfirmation.refusal(true, "prod", STACK, false, STACK, null));
        assertEquals(Optional.of("--confirm-stack security-lake-integration-dev is not the stack's name (" + STACK
                + "); nothing was destroyed"), DestroyConfirmation.refusal(true, "prod", STACK, false,
                "security-lake-integration-dev", null));
    }

    @Test
    void devDestroysOnYesOrAYesOnTheTerminalAndRefusesWithoutEither() {
        String dev = "security-lake-integration-dev";
        assertEquals(Optional.empty(), DestroyConfirmation.refusal(false, "dev", dev, true, null, null));
        assertEquals(Optional.empty(), DestroyConfirmation.refusal(false, "dev", dev, false, null, p -> "yes"));
        assertEquals(Optional.of("not approved; nothing was destroyed"),
                DestroyConfirmation.refusal(false, "dev", dev, false, null, p -> ""));
        assertTrue(DestroyConfirmation.refusal(false, "dev", dev, false, null, null).orElseThrow()
                .endsWith("nothing was destroyed (run again with --yes to approve)"));
    }
}
