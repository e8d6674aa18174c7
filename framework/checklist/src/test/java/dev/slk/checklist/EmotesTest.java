package dev.slk.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slk.checklist.text.Emotes;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmotesTest {
    @Test
    void findsEmojiAndStandaloneEmoticons() {
        assertEquals(List.of(new Emotes.Hit(6, ":)", false), new Emotes.Hit(9, "\uD83C\uDF89", true)),
                Emotes.find("Done :) \uD83C\uDF89", false));
        assertEquals(List.of(new Emotes.Hit(9, "<3", false)), Emotes.find("We love <3 it", false));
    }

    @Test
    void codeThatLooksLikeAnEmoticonIsNotOne() {
        for (String code : List.of("int x = a ? b :(c);", "Pattern.compile(\"(?:x)\")", "|:---|---:|",
                "see https://example.com/:D", "if (i <3) {", "map.put(\":)\", 1);", "x^^y")) {
            assertEquals(List.of(), Emotes.find(code, true), code);
        }
    }
}
