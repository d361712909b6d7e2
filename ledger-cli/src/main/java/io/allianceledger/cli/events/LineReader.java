package io.allianceledger.cli.events;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a file line by line in constant memory, whatever its size: one fixed read buffer and one fixed line
 * buffer. A line longer than {@link #MAX_LINE} bytes is reported as too long and skipped to its end, so one
 * bad line never stops the file. {@code \n} and {@code \r\n} both end a line.
 */
public final class LineReader implements AutoCloseable {
    /** Longest line accepted, in bytes. */
    public static final int MAX_LINE = 16 * 1024;

    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private final byte[] line = new byte[MAX_LINE];
    private int position;
    private int limit;
    private int length;
    private long number;
    private long bytesRead;
    private boolean tooLong;
    private boolean eof;

    /** @param in the file's bytes. */
    public LineReader(final InputStream in) {
        this.in = in;
    }

    /**
     * Advances to the next line.
     *
     * @return false at the end of the file.
     * @throws IOException if reading fails.
     */
    public boolean next() throws IOException {
        length = 0;
        tooLong = false;
        boolean any = false;
        while (true) {
            if (position == limit) {
                if (eof || !fill()) {
                    if (!any) {
                        return false;
                    }
                    break;
                }
            }
            final byte b = buffer[position++];
            any = true;
            if (b == '\n') {
                break;
            }
            if (length < MAX_LINE) {
                line[length++] = b;
            } else {
                tooLong = true;
            }
        }
        if (!tooLong && length > 0 && line[length - 1] == '\r') {
            length--;
        }
        number++;
        return true;
    }

    private boolean fill() throws IOException {
        final int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            eof = true;
            return false;
        }
        position = 0;
        limit = n;
        bytesRead += n;
        return true;
    }

    /** @return the current line's bytes; valid until the next call to {@link #next()}. */
    public byte[] bytes() {
        return line;
    }

    /** @return the current line's length in bytes (its first {@link #MAX_LINE} bytes if it was too long). */
    public int length() {
        return length;
    }

    /** @return true if the current line was longer than {@link #MAX_LINE} bytes. */
    public boolean tooLong() {
        return tooLong;
    }

    /** @return true if the current line holds only spaces and tabs, or nothing. */
    public boolean isBlank() {
        for (int i = 0; i < length; i++) {
            if (line[i] != ' ' && line[i] != '\t') {
                return false;
            }
        }
        return !tooLong;
    }

    /** @return the 1-based number of the current line. */
    public long number() {
        return number;
    }

    /** @return bytes read from the file so far, for progress. */
    public long bytesRead() {
        return bytesRead;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
