package io.allianceledger.cli;

/** CSV fields as RFC 4180 writes them: quoted when they hold a comma, a quote or a line break. */
final class Csv {
    private Csv() {
    }

    static String field(final String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
