package io.allianceledger.cli;

/**
 * A small writer of HTML (and inline SVG) into a string. Text and attribute values always go through
 * {@link #escape}, because party codes and transaction ids are user input; only the literal markup of the report's
 * own code goes through {@link #raw}.
 */
final class Html {
    private final StringBuilder sb = new StringBuilder(64 * 1024);

    /**
     * Escapes text for an element's content or a quoted attribute value. C0 control characters other than tab and
     * line breaks have no place in HTML and become U+FFFD, so they show instead of breaking the page.
     *
     * @param text any text, or null for none.
     * @return it with {@code & < > " '} as character references.
     */
    static String escape(final String text) {
        if (text == null) {
            return "";
        }
        final StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\t', '\n', '\r' -> out.append(c);
                default -> out.append(c < 0x20 || c == 0x7F ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    /** @param markup literal markup written by this program, never user input. @return this. */
    Html raw(final String markup) {
        sb.append(markup);
        return this;
    }

    /** @param text text, escaped. @return this. */
    Html text(final String text) {
        sb.append(escape(text));
        return this;
    }

    /**
     * Opens an element.
     *
     * @param tag        the element's name.
     * @param attributes name, value pairs; a null value leaves the attribute out.
     * @return this.
     */
    Html open(final String tag, final String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        sb.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                sb.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
            }
        }
        sb.append('>');
        return this;
    }

    /** @param tag the element to close. @return this. */
    Html close(final String tag) {
        sb.append("</").append(tag).append('>');
        return this;
    }

    /**
     * An element holding text.
     *
     * @param tag        the element's name.
     * @param text       its content, escaped.
     * @param attributes name, value pairs as for {@link #open}.
     * @return this.
     */
    Html element(final String tag, final String text, final String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /** @return a line break in the source, to keep the file readable as text. */
    Html nl() {
        sb.append('\n');
        return this;
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
