package io.allianceledger.journal;

/**
 * What a batch's results wait for before they are released. {@code docs/operations.md} gives the measured cost
 * of each.
 */
public enum Durability {
    /**
     * The batch is in the memory-mapped journal, that is in the operating system's page cache (the default).
     * Survives a crash or kill of the process; a power loss or kernel crash may lose the batches the kernel had
     * not yet written back.
     */
    PAGE_CACHE,
    /**
     * The batch is on the storage device: the cycle file is forced ({@code fdatasync}) at the end of every batch,
     * and the directory too when a new cycle file was created. Survives power loss, if the device honours
     * flushes.
     */
    SYNC_PER_BATCH
}
