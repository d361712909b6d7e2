package io.allianceledger.ledger;

import com.lmax.disruptor.ExceptionHandler;

/**
 * The engine's response to anything unexpected: record the first failure and the ring sequence from which
 * no result may be released, then let every stage skip what follows. Results before that sequence were
 * applied and journaled and are released normally; every later one, and every new submission, fails with
 * {@link LedgerHaltedException}. Nothing is retried: a reopen restores the ledger from its journal.
 */
final class FailStop implements ExceptionHandler<CommandSlot> {
    private static final System.Logger LOG = System.getLogger(FailStop.class.getName());

    /**
     * @param cause        the failure.
     * @param ringSequence the first ring sequence whose result is withheld.
     */
    record Halt(Throwable cause, long ringSequence) {
    }

    private volatile Halt halt;

    Halt halt() {
        return halt;
    }

    boolean isHalted() {
        return halt != null;
    }

    /** Records a failure; keeps the first cause and the lowest sequence reported. */
    synchronized void halt(final Throwable cause, final long ringSequence) {
        final Halt current = halt;
        if (current == null) {
            LOG.log(System.Logger.Level.ERROR, "ledger engine halted at ring sequence " + ringSequence, cause);
            halt = new Halt(cause, ringSequence);
        } else if (ringSequence < current.ringSequence()) {
            halt = new Halt(current.cause(), ringSequence);
        }
    }

    LedgerHaltedException exception() {
        final Halt h = halt;
        return new LedgerHaltedException("the ledger engine halted after a failure and accepts no command until it is"
            + " reopened: " + h.cause(), h.cause());
    }

    @Override
    public void handleEventException(final Throwable ex, final long sequence, final CommandSlot slot) {
        halt(ex, sequence);
    }

    @Override
    public void handleOnStartException(final Throwable ex) {
        halt(ex, 0);
    }

    @Override
    public void handleOnShutdownException(final Throwable ex) {
        LOG.log(System.Logger.Level.WARNING, "ledger stage failed while shutting down", ex);
    }
}
