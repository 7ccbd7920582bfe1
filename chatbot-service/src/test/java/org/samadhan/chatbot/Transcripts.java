package org.samadhan.chatbot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a test conversation to target/transcripts/, as shown in the README. */
final class Transcripts {

    private Transcripts() {
    }

    static void write(String name, Citizen citizen) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "transcripts"));
            Files.writeString(dir.resolve(name + ".txt"), String.join("\n", citizen.transcript()) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
