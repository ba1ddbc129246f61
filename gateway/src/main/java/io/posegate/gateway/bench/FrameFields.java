package io.posegate.gateway.bench;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads single fields of a pose frame's JSON text ({@code docs/wire-format.md}) without parsing the frame:
 * the capture time {@code ts} (an ISO-8601 instant in UTC as {@link Instant#toString()} writes it) and the
 * numbers of {@code latencyMs}. For the bench client, whose CPU shares the gateway's process.
 */
final class FrameFields {
    private static final String TS = "\"ts\":\"";

    private FrameFields() {
    }

    /** Epoch milliseconds of {@code ts}, or {@link Long#MIN_VALUE} when it is missing or not {@code yyyy-MM-ddTHH:mm:ss[.fff]Z}. */
    static long captureMillis(String text) {
        int i = text.indexOf(TS);
        if (i < 0) {
            return Long.MIN_VALUE;
        }
        i += TS.length();
        int end = text.indexOf('"', i);
        if (end < 0 || end - i < 20 || text.charAt(end - 1) != 'Z' || text.charAt(i + 4) != '-' || text.charAt(i + 10) != 'T') {
            return Long.MIN_VALUE;
        }
        int year = digits(text, i, 4);
        int month = digits(text, i + 5, 2);
        int day = digits(text, i + 8, 2);
        int hour = digits(text, i + 11, 2);
        int minute = digits(text, i + 14, 2);
        int second = digits(text, i + 17, 2);
        int millis = 0;
        int frac = i + 19;
        if (frac < end - 1) {
            if (text.charAt(frac) != '.' || end - 1 - (frac + 1) < 1 || end - 1 - (frac + 1) > 9) {
                return Long.MIN_VALUE;
            }
            int n = end - 1 - (frac + 1);
            int value = digits(text, frac + 1, Math.min(3, n));
            millis = value * (n == 1 ? 100 : n == 2 ? 10 : 1);
            if (n > 3 && digits(text, frac + 4, n - 3) < 0) {
                return Long.MIN_VALUE;
            }
        }
        if ((year | month | day | hour | minute | second | millis) < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
            return Long.MIN_VALUE;
        }
        if (day > LocalDate.of(year, month, 1).lengthOfMonth() || hour > 23 || minute > 59 || second > 59) {
            return Long.MIN_VALUE;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis;
    }

    /** The number after {@code key} (e.g. {@code "\"infer\":"}), or NaN. */
    static double number(String text, String key) {
        int i = text.indexOf(key);
        if (i < 0) {
            return Double.NaN;
        }
        int start = i + key.length();
        int end = start;
        while (end < text.length() && "+-.0123456789eE".indexOf(text.charAt(end)) >= 0) {
            end++;
        }
        try {
            return Double.parseDouble(text.substring(start, end));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The decimal value of {@code n} digits at {@code from}, or -1 if one is not a digit. */
    private static int digits(String s, int from, int n) {
        int v = 0;
        for (int k = from; k < from + n; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
