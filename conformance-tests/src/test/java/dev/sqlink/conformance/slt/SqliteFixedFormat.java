package dev.sqlink.conformance.slt;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * {@code sqlite3_snprintf("%.Nf")}: like C's {@code %f}, except that SQLite's printf keeps at most 16
 * significant digits (digits after those print as 0), prints infinities as {@code Inf}/{@code -Inf}
 * and NaN as {@code NaN}. Java's {@code String.format} differs in the 17th digit and in the special
 * values, which would make large R results disagree with the reference hashes. Known gap: beyond
 * 1e15 SQLite's binary-to-decimal step is itself approximate in the 17th/18th digit, and this class
 * rounds exactly, so the last kept digit can differ there (the corpus has no such values).
 */
final class SqliteFixedFormat {

    private static final int MAX_SIGNIFICANT_DIGITS = 16;
    private static final int CONVERTED_DIGITS = 18;

    private SqliteFixedFormat() {
    }

    static String format(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Inf" : "-Inf";
        }
        // SQLite first converts the double to 18 significant decimal digits, then rounds that digit
        // string half-up at the requested decimal, but never keeps more than 16 significant digits.
        BigDecimal digits = new BigDecimal(value).round(new MathContext(CONVERTED_DIGITS, RoundingMode.HALF_EVEN));
        int keep = Math.min(digits.precision() - digits.scale() + decimals, MAX_SIGNIFICANT_DIGITS);
        BigDecimal rounded = keep > 0 ? digits.round(new MathContext(keep, RoundingMode.HALF_UP)) : digits;
        String text = rounded.setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        // SQLite keeps the sign of a negative number that rounds to zero ("-0.000"), but not of -0.0.
        return value < 0 && !text.startsWith("-") ? "-" + text : text;
    }
}
