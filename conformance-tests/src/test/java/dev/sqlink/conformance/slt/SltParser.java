package dev.sqlink.conformance.slt;

import dev.sqlink.conformance.slt.SltRecord.Condition;
import dev.sqlink.conformance.slt.SltRecord.SortMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the sqllogictest format: records separated by blank lines, {@code #} comment lines between
 * records, directive lines that may end in a {@code # comment}, CRLF or LF line endings.
 */
final class SltParser {

    private final String fileName;
    private final String[] lines;
    private int index;

    private SltParser(String fileName, String text) {
        this.fileName = fileName;
        this.lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    }

    static List<SltRecord> parse(String fileName, String text) {
        return new SltParser(fileName, text).records();
    }

    private List<SltRecord> records() {
        List<SltRecord> records = new ArrayList<>();
        List<Condition> conditions = new ArrayList<>();
        while (index < lines.length) {
            String raw = lines[index];
            int lineNumber = index + 1;
            index++;
            String directive = stripComment(raw);
            if (directive.isEmpty()) {
                if (raw.isBlank()) {
                    conditions = new ArrayList<>(); // a blank line ends a record, conditions included
                }
                continue;
            }
            String[] words = directive.split("\\s+");
            switch (words[0]) {
                case "skipif", "onlyif" -> conditions.add(new Condition(words[0].equals("onlyif"), argument(words, lineNumber)));
                case "statement" -> {
                    records.add(statement(words, lineNumber, conditions));
                    conditions = new ArrayList<>();
                }
                case "query" -> {
                    records.add(query(words, lineNumber, conditions));
                    conditions = new ArrayList<>();
                }
                case "hash-threshold" -> {
                    records.add(new SltRecord.HashThreshold(lineNumber, conditions, Integer.parseInt(argument(words, lineNumber))));
                    conditions = new ArrayList<>();
                }
                case "halt" -> {
                    records.add(new SltRecord.Halt(lineNumber, conditions));
                    conditions = new ArrayList<>();
                }
                default -> throw new IllegalArgumentException(fileName + ":" + lineNumber + ": unknown directive '" + raw.strip() + "'");
            }
        }
        return records;
    }

    private SltRecord statement(String[] words, int lineNumber, List<Condition> conditions) {
        String mode = argument(words, lineNumber);
        if (!mode.equals("ok") && !mode.equals("error")) {
            throw new IllegalArgumentException(fileName + ":" + lineNumber + ": expected 'statement ok' or 'statement error'");
        }
        return new SltRecord.Statement(lineNumber, conditions, mode.equals("error"), String.join("\n", linesUntil(false)));
    }

    private SltRecord query(String[] words, int lineNumber, List<Condition> conditions) {
        String types = argument(words, lineNumber);
        if (!types.matches("[ITR]+")) {
            throw new IllegalArgumentException(fileName + ":" + lineNumber + ": query type string '" + types + "' must use only I, T, R");
        }
        SortMode sort = words.length > 2 ? SortMode.valueOf(words[2].toUpperCase(Locale.ROOT)) : SortMode.NOSORT;
        String label = words.length > 3 ? words[3] : null;
        List<String> sql = linesUntil(true);
        List<String> expected = null;
        if (index < lines.length && lines[index].equals("----")) {
            index++;
            expected = linesUntil(false);
        }
        return new SltRecord.Query(lineNumber, conditions, types, sort, label, String.join("\n", sql), expected);
    }

    /** Lines up to a blank line (consumed) or, when {@code stopAtSeparator}, up to {@code ----} (not consumed). */
    private List<String> linesUntil(boolean stopAtSeparator) {
        List<String> collected = new ArrayList<>();
        while (index < lines.length) {
            String line = lines[index];
            if (stopAtSeparator && line.equals("----")) {
                return collected;
            }
            index++;
            if (line.isBlank()) {
                return collected;
            }
            collected.add(line);
        }
        return collected;
    }

    private String argument(String[] words, int lineNumber) {
        if (words.length < 2) {
            throw new IllegalArgumentException(fileName + ":" + lineNumber + ": '" + words[0] + "' needs an argument");
        }
        return words[1];
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return (hash < 0 ? line : line.substring(0, hash)).strip();
    }
}
