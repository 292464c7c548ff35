package dev.sqlink.spi;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of versions, written as comparisons joined by spaces, all of which must hold:
 * {@code >=1.2 <2}, {@code =1.0.3}, {@code *} (any). A bare version {@code 1.2} means
 * {@code >=1.2 <2} (compatible within the major version). Immutable.
 */
public final class VersionRange {
    private final String text;
    private final List<String> operators;
    private final List<Version> bounds;

    private VersionRange(String text, List<String> operators, List<Version> bounds) {
        this.text = text;
        this.operators = operators;
        this.bounds = bounds;
    }

    /** Every version. */
    public static final VersionRange ANY = new VersionRange("*", List.of(), List.of());

    public static VersionRange parse(String text) {
        String t = text.trim();
        if (t.isEmpty() || t.equals("*")) {
            return ANY;
        }
        List<String> ops = new ArrayList<>();
        List<Version> vs = new ArrayList<>();
        for (String term : t.split("\\s+")) {
            String op = term.startsWith(">=") || term.startsWith("<=") ? term.substring(0, 2)
                    : term.startsWith(">") || term.startsWith("<") || term.startsWith("=") ? term.substring(0, 1) : "";
            Version v = Version.parse(term.substring(op.length()));
            if (op.isEmpty()) {
                ops.add(">=");
                vs.add(v);
                ops.add("<");
                vs.add(Version.parse((v.major() + 1) + ""));
            } else {
                ops.add(op);
                vs.add(v);
            }
        }
        return new VersionRange(t, List.copyOf(ops), List.copyOf(vs));
    }

    public boolean contains(Version v) {
        for (int i = 0; i < operators.size(); i++) {
            int c = v.compareTo(bounds.get(i));
            boolean ok;
            switch (operators.get(i)) {
                case ">=": ok = c >= 0; break;
                case "<=": ok = c <= 0; break;
                case ">": ok = c > 0; break;
                case "<": ok = c < 0; break;
                default: ok = c == 0; break;
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }
}
