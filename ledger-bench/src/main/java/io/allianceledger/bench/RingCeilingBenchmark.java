package io.allianceledger.bench;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.EventHandlerGroup;
import com.lmax.disruptor.dsl.ProducerType;
import io.allianceledger.command.CommandLayout;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pipeline's ceiling: the same Disruptor ring as the ledger's (1024 slots of
 * {@value CommandLayout#MAX_COMMAND_LENGTH} bytes, multi-producer, {@link SleepingWaitStrategy}) whose handlers
 * do nothing. Hosts claim {@value #BATCH} slots at a time, copy the bytes of a transfer into each (patching its
 * id) and publish them. {@code ONE_HANDLER} is a ring with a single no-op consumer; {@code LEDGER_TOPOLOGY} has
 * the ledger's three consumers (two in parallel, a third after both), all no-ops, so the gap between it and
 * {@link PipelineBenchmark} is the work itself, not the hand-offs between threads.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RingCeilingBenchmark {
    /** Slots claimed and published at a time, as {@code Ledger.submitAll} does. */
    static final int BATCH = 256;
    static final int RING_SIZE = 1024;

    /** A ring slot: the command's bytes and length, as in the ledger. */
    static final class Slot {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[CommandLayout.MAX_COMMAND_LENGTH]);
        int length;
    }

    /** A consumer that does nothing. */
    static final class NoOp implements EventHandler<Slot> {
        @Override
        public void onEvent(final Slot slot, final long sequence, final boolean endOfBatch) {
        }
    }

    /** The ring and its consumers. */
    @State(Scope.Benchmark)
    public static class Ring {
        /** The consumers: one, or the ledger's three. */
        @Param({"ONE_HANDLER", "LEDGER_TOPOLOGY"})
        public String topology;

        Disruptor<Slot> disruptor;
        RingBuffer<Slot> ring;

        /** Starts the consumers. */
        @Setup(Level.Trial)
        public void start() {
            final AtomicInteger threads = new AtomicInteger();
            disruptor = new Disruptor<>(Slot::new, RING_SIZE, r -> {
                final Thread t = new Thread(r, "ring-ceiling-" + threads.getAndIncrement());
                t.setDaemon(true);
                return t;
            }, ProducerType.MULTI, new SleepingWaitStrategy());
            final EventHandlerGroup<Slot> first = "ONE_HANDLER".equals(topology)
                ? disruptor.handleEventsWith(new NoOp())
                : disruptor.handleEventsWith(new NoOp(), new NoOp());
            if (!"ONE_HANDLER".equals(topology)) {
                first.then(new NoOp());
            }
            ring = disruptor.start();
        }

        /** Stops them. */
        @TearDown(Level.Trial)
        public void stop() {
            disruptor.shutdown();
        }
    }

    /** A host's encoded transfer. */
    @State(Scope.Thread)
    public static class Host {
        final TransferStream transfers = new TransferStream(Ledgers.accountIds(1000), Distribution.UNIFORM, 1 << 12,
            Thread.currentThread().getId());
        long nextId = 1;
    }

    /**
     * One host: claim, fill and publish {@value #BATCH} slots.
     *
     * @param r the ring.
     * @param h the host's command.
     */
    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(BATCH)
    public void oneHost(final Ring r, final Host h) {
        publish(r.ring, h);
    }

    /**
     * Two hosts, each claiming, filling and publishing {@value #BATCH} slots; the score is their sum.
     *
     * @param r the ring.
     * @param h this host's command.
     */
    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(BATCH)
    public void twoHosts(final Ring r, final Host h) {
        publish(r.ring, h);
    }

    private static void publish(final RingBuffer<Slot> ring, final Host h) {
        final long high = ring.next(BATCH);
        final long low = high - BATCH + 1;
        for (long s = low; s <= high; s++) {
            h.transfers.next(h.nextId++);
            final Slot slot = ring.get(s);
            slot.buffer.putBytes(0, h.transfers.command, 0, TransferStream.LENGTH);
            slot.length = TransferStream.LENGTH;
        }
        ring.publish(low, high);
    }
}
