package io.allianceledger.cli.events;

/**
 * A line that is not a well-formed event: its line number and what is wrong with it, in words an operator can
 * act on.
 */
public final class EventFormatException extends Exception {
    private static final long serialVersionUID = 1L;
    private final long line;

    /**
     * @param line    1-based line number.
     * @param message what is wrong.
     */
    public EventFormatException(final long line, final String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    /** @return the 1-based line number. */
    public long line() {
        return line;
    }

    /** @return the message without the line prefix. */
    public String reason() {
        return getMessage().substring(getMessage().indexOf(": ") + 2);
    }
}
