package io.allianceledger.cli.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamReadException;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * Parses one event line: a flat JSON object whose {@code type} names the event. Strict: unknown or repeated
 * fields, wrong JSON types, nested values, trailing text, bad UTF-8, amounts with more than two decimals,
 * zero or negative amounts and points, ids over 64 characters and times without an offset are all errors,
 * each reported with the line number and the field.
 */
public final class EventParser {
    /** Longest id, participant code or channel transaction id accepted. */
    public static final int MAX_KEY_LENGTH = 64;

    private static final Map<String, Set<String>> REQUIRED = Map.ofEntries(
        Map.entry("register", Set.of("role", "code")),
        Map.entry("accrue", Set.of("member", "store", "points")),
        Map.entry("redeem", Set.of("member", "store", "points")),
        Map.entry("hold", Set.of("member", "store", "points")),
        Map.entry("capture", Set.of("hold")),
        Map.entry("release", Set.of("hold")),
        Map.entry("transfer", Set.of("from", "to", "points")),
        Map.entry("sale", Set.of("store", "amount", "channel", "channelTxn")),
        Map.entry("refund", Set.of("original")),
        Map.entry("expire", Set.of()),
        Map.entry("move", Set.of("store", "parent")),
        Map.entry("suspend", Set.of("participant")));
    private static final Map<String, Set<String>> OPTIONAL = Map.ofEntries(
        Map.entry("register", Set.of("parent")),
        Map.entry("accrue", Set.of("purchase")),
        Map.entry("hold", Set.of("timeoutSeconds")),
        Map.entry("capture", Set.of("points")),
        Map.entry("refund", Set.of("amount", "points", "channelTxn")));
    private static final Set<String> NUMBERS = Set.of("points", "timeoutSeconds");
    private static final Set<String> ROLES = Set.of("agent", "hq", "store", "member");

    private final JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(2).maxStringLength(4096)
            .maxNumberLength(20).build())
        .build();
    private final Fields fields = new Fields();

    /**
     * @param bytes  the line's bytes, UTF-8, without the line break.
     * @param length how many bytes.
     * @param line   its 1-based line number.
     * @return the event.
     * @throws EventFormatException if the line is not a well-formed event.
     */
    public Event parse(final byte[] bytes, final int length, final long line) throws EventFormatException {
        fields.clear();
        try (JsonParser p = factory.createParser(bytes, 0, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new EventFormatException(line, "not a JSON object");
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                if (t != JsonToken.FIELD_NAME) {
                    throw new EventFormatException(line, "not a flat JSON object");
                }
                final String name = p.currentName();
                final JsonToken value = p.nextToken();
                final Object parsed;
                if (value == JsonToken.VALUE_STRING) {
                    parsed = p.getText();
                } else if (value == JsonToken.VALUE_NUMBER_INT) {
                    if (p.getNumberType() != JsonParser.NumberType.INT && p.getNumberType() != JsonParser.NumberType.LONG) {
                        throw new EventFormatException(line, "field \"" + name + "\" is out of range");
                    }
                    parsed = p.getLongValue();
                } else if (value == JsonToken.VALUE_NUMBER_FLOAT) {
                    throw new EventFormatException(line, "field \"" + name + "\" must not be a fractional number"
                        + ("points".equals(name) ? "" : " (amounts are strings such as \"12.50\")"));
                } else {
                    throw new EventFormatException(line, "field \"" + name + "\" has a value of the wrong type ("
                        + describe(value) + ")");
                }
                if (fields.put(name, parsed) != null) {
                    throw new EventFormatException(line, "field \"" + name + "\" appears twice");
                }
            }
            if (p.nextToken() != null) {
                throw new EventFormatException(line, "text after the JSON object");
            }
            if (fields.overflow) {
                throw new EventFormatException(line, "more than " + Fields.MAX + " fields");
            }
        } catch (final StreamReadException e) {
            throw new EventFormatException(line, "not valid JSON in UTF-8: " + e.getOriginalMessage());
        } catch (final IOException e) {
            throw new EventFormatException(line, "cannot be read: " + e.getMessage());
        }
        return toEvent(line);
    }

    private Event toEvent(final long line) throws EventFormatException {
        final String type = string(line, "type");
        final Set<String> required = REQUIRED.get(type);
        if (required == null) {
            throw new EventFormatException(line, "unknown event type \"" + clip(type) + "\"; expected one of "
                + new java.util.TreeSet<>(REQUIRED.keySet()));
        }
        final Set<String> optional = OPTIONAL.getOrDefault(type, Set.of());
        for (int i = 0; i < fields.count; i++) {
            final String name = fields.names[i];
            if (!name.equals("type") && !name.equals("id") && !name.equals("time") && !required.contains(name)
                && !optional.contains(name)) {
                throw new EventFormatException(line, "unknown field \"" + clip(name) + "\" for a " + type + " event");
            }
        }
        for (final String name : required) {
            if (!fields.containsKey(name)) {
                throw new EventFormatException(line, "a " + type + " event needs the field \"" + name + "\"");
            }
        }
        final String id = key(line, "id");
        final long time = time(line);
        return switch (type) {
            case "register" -> {
                final String role = string(line, "role");
                if (!ROLES.contains(role)) {
                    throw new EventFormatException(line, "role \"" + clip(role) + "\" must be agent, hq, store or member");
                }
                yield new Event.Register(id, time, line, role, key(line, "code"), optionalKey(line, "parent"));
            }
            case "accrue" -> new Event.Accrue(id, time, line, key(line, "member"), key(line, "store"),
                positive(line, "points"), fields.containsKey("purchase") ? fen(line, "purchase") : -1);
            case "redeem" -> new Event.Redeem(id, time, line, key(line, "member"), key(line, "store"),
                positive(line, "points"));
            case "hold" -> new Event.Hold(id, time, line, key(line, "member"), key(line, "store"),
                positive(line, "points"), fields.containsKey("timeoutSeconds") ? positive(line, "timeoutSeconds") : -1);
            case "capture" -> new Event.Capture(id, time, line, key(line, "hold"),
                fields.containsKey("points") ? positive(line, "points") : -1);
            case "release" -> new Event.Release(id, time, line, key(line, "hold"));
            case "transfer" -> new Event.Transfer(id, time, line, key(line, "from"), key(line, "to"),
                positive(line, "points"));
            case "sale" -> new Event.Sale(id, time, line, key(line, "store"), fen(line, "amount"),
                key(line, "channel"), key(line, "channelTxn"));
            case "refund" -> {
                final boolean amount = fields.containsKey("amount");
                if (amount == fields.containsKey("points")) {
                    throw new EventFormatException(line, "a refund event needs exactly one of \"amount\" and \"points\"");
                }
                yield new Event.Refund(id, time, line, key(line, "original"), amount ? fen(line, "amount") : -1,
                    amount ? -1 : positive(line, "points"), optionalKey(line, "channelTxn"));
            }
            case "expire" -> new Event.Expire(id, time, line);
            case "move" -> new Event.Move(id, time, line, key(line, "store"), key(line, "parent"));
            case "suspend" -> new Event.Suspend(id, time, line, key(line, "participant"));
            default -> throw new IllegalStateException("unhandled event type " + type);
        };
    }

    private String string(final long line, final String name) throws EventFormatException {
        final Object value = fields.get(name);
        if (value == null) {
            throw new EventFormatException(line, "the field \"" + name + "\" is missing");
        }
        if (!(value instanceof String s)) {
            throw new EventFormatException(line, "field \"" + name + "\" must be a string");
        }
        if (NUMBERS.contains(name)) {
            throw new EventFormatException(line, "field \"" + name + "\" must be a whole number, not a string");
        }
        return s;
    }

    private String key(final long line, final String name) throws EventFormatException {
        final String s = string(line, name);
        if (s.isEmpty() || s.length() > MAX_KEY_LENGTH) {
            throw new EventFormatException(line, "field \"" + name + "\" must have 1 to " + MAX_KEY_LENGTH
                + " characters, has " + s.length());
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                throw new EventFormatException(line, "field \"" + name + "\" contains a control character");
            }
        }
        return s;
    }

    private String optionalKey(final long line, final String name) throws EventFormatException {
        return fields.containsKey(name) ? key(line, name) : null;
    }

    private long positive(final long line, final String name) throws EventFormatException {
        final Object value = fields.get(name);
        if (!(value instanceof Long n)) {
            throw new EventFormatException(line, "field \"" + name + "\" must be a whole number");
        }
        if (n <= 0) {
            throw new EventFormatException(line, "field \"" + name + "\" must be greater than zero, is " + n);
        }
        return n;
    }

    private long fen(final long line, final String name) throws EventFormatException {
        try {
            return Amounts.parseFen(string(line, name), false);
        } catch (final IllegalArgumentException e) {
            throw new EventFormatException(line, "field \"" + name + "\": " + e.getMessage());
        }
    }

    private long time(final long line) throws EventFormatException {
        try {
            return Amounts.parseTime(string(line, "time"));
        } catch (final IllegalArgumentException e) {
            throw new EventFormatException(line, "field \"time\": " + e.getMessage());
        }
    }

    /** The fields of one line: a handful, so a linear scan beats hashing and allocates nothing per line. */
    private static final class Fields {
        private static final int MAX = 16;
        private final String[] names = new String[MAX];
        private final Object[] values = new Object[MAX];
        private int count;
        private boolean overflow;

        void clear() {
            java.util.Arrays.fill(values, 0, count, null);
            count = 0;
            overflow = false;
        }

        /** @return the previous value, or null; too many fields are reported as unknown ones. */
        Object put(final String name, final Object value) {
            for (int i = 0; i < count; i++) {
                if (names[i].equals(name)) {
                    final Object old = values[i];
                    values[i] = value;
                    return old;
                }
            }
            if (count < MAX) {
                names[count] = name;
                values[count++] = value;
            } else {
                overflow = true;
            }
            return null;
        }

        Object get(final String name) {
            for (int i = 0; i < count; i++) {
                if (names[i].equals(name)) {
                    return values[i];
                }
            }
            return null;
        }

        boolean containsKey(final String name) {
            return get(name) != null;
        }
    }

    private static String describe(final JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }

    private static String clip(final String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
