package io.allianceledger.ledger;

import io.allianceledger.engine.CommandResult;
import io.allianceledger.engine.StateMachine;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/** Test journal: keeps every appended command in memory, can fail or stall on demand. */
final class RecordingJournal implements Journal {
    record Entry(long sequence, long timestamp, byte[] bytes) {
    }

    final List<Entry> entries = new ArrayList<>();
    volatile long failAtSequence = -1;
    volatile CountDownLatch stall;
    volatile int batches;
    volatile boolean closed;

    @Override
    public Recovered recover(final Supplier<StateMachine> fresh) {
        final StateMachine machine = fresh.get();
        final CommandResult r = new CommandResult();
        for (final Entry e : entries) {
            machine.apply(new UnsafeBuffer(e.bytes), 0, e.bytes.length, e.timestamp, r);
        }
        return new Recovered(machine, entries.size());
    }

    @Override
    public void append(final long sequence, final long timestamp, final DirectBuffer buffer, final int offset,
        final int length) {
        if (sequence == failAtSequence) {
            throw new IllegalStateException("disk on fire at sequence " + sequence);
        }
        final CountDownLatch latch = stall;
        if (latch != null) {
            try {
                latch.await();
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        synchronized (entries) {
            entries.add(new Entry(sequence, timestamp, bytes));
        }
    }

    @Override
    public void endOfBatch() {
        batches++;
    }

    @Override
    public void close() {
        closed = true;
    }

    StateMachine replay() {
        synchronized (entries) {
            return recover(StateMachine::new).machine();
        }
    }
}
