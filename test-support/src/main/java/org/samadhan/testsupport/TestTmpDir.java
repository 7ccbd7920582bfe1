package org.samadhan.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Surefire points java.io.tmpdir at target/tmp (so runs leave nothing in /tmp) but does not create it. */
final class TestTmpDir {

    private TestTmpDir() {
    }

    static void ensureExists() {
        try {
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create java.io.tmpdir", e);
        }
    }
}
