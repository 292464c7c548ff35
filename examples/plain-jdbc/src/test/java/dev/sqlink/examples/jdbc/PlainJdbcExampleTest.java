package dev.sqlink.examples.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainJdbcExampleTest {
    @TempDir
    Path dir;

    @Test
    void runsTwiceOnOneFileWithoutDuplicatingRows() throws Exception {
        Path db = dir.resolve("cities.db");
        List<String> expected = List.of("Lisbon 545796", "Porto 231800", "3 cities, SQLite 3.54.1");
        assertEquals(expected, output(db));
        assertEquals(expected, output(db), "the second run finds the file and the unique names");
    }

    private static List<String> output(Path db) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PlainJdbcExample.run(db, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
