package dev.sqlink.conformance.slt;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * {@code sqlite3_snprintf("%.Nf")}: like C's {@code %f}, except that SQLite's printf keeps at most 16
 * significant digits (digits after those print as 0), prints infinities as {@code Inf}/{@code -Inf}
 * and NaN as {@code NaN}. Java's {@code String.format} differs in the 17th digit and in the special
 * values, which would make large R results disagree with the reference hashes.
 */
final class SqliteFixedFormat {

    private static final int MAX_SIGNIFICANT_DIGITS = 16;

    private SqliteFixedFormat() {
    }

    static String format(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Inf" : "-Inf";
        }
        BigDecimal exact = new BigDecimal(value);
        int integerDigits = exact.precision() - exact.scale();
        BigDecimal rounded = integerDigits + decimals > MAX_SIGNIFICANT_DIGITS
                ? exact.round(new MathContext(MAX_SIGNIFICANT_DIGITS, RoundingMode.HALF_UP))
                : exact;
        String text = rounded.setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        // SQLite keeps the sign of a negative number that rounds to zero ("-0.000"), but not of -0.0.
        return value < 0 && !text.startsWith("-") ? "-" + text : text;
    }
}
