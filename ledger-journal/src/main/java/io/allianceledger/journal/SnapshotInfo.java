package io.allianceledger.journal;

import java.nio.file.Path;

/**
 * What a snapshot file's header says about it. Reading the header verifies nothing but its markers; loading the
 * snapshot verifies the whole file.
 *
 * @param file          the snapshot file.
 * @param sequence      the number of commands the state reflects (sequences 0 to sequence − 1).
 * @param lastTimestamp engine timestamp of command {@code sequence − 1}, or {@link Long#MIN_VALUE} for none.
 * @param recordCount   successful commands recorded in the state.
 * @param ledgerName    the ledger it belongs to.
 * @param maxAccounts   the account limit it was taken under.
 * @param keyed         true if an HMAC under the journal key authenticates it.
 * @param stateHash     the state hash recorded when it was taken ({@code StateMachine.stateHash()}, 64 hex digits).
 */
public record SnapshotInfo(Path file, long sequence, long lastTimestamp, long recordCount, String ledgerName,
                           int maxAccounts, boolean keyed, String stateHash) {
}
