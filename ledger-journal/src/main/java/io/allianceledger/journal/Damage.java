package io.allianceledger.journal;

import java.nio.file.Path;

/**
 * A run of journal documents that does not verify and is, or was, discarded: a torn tail (the batch being
 * written when the process died, never acknowledged), a run a VOID frame discarded at an earlier open, or what a
 * repair dropped.
 *
 * @param file                 the cycle file holding the first of them.
 * @param firstIndex           Chronicle index of the first document.
 * @param lastIndex            Chronicle index of the last document.
 * @param firstDroppedSequence sequence of the first intact-looking record among them, or -1 if none.
 * @param droppedRecords       how many records in them still pass their CRC (they are dropped all the same).
 * @param reason               why the first document failed.
 */
public record Damage(Path file, long firstIndex, long lastIndex, long firstDroppedSequence, long droppedRecords,
                     String reason) {
    @Override
    public String toString() {
        return file + " index 0x" + Long.toHexString(firstIndex) + "..0x" + Long.toHexString(lastIndex) + ": "
            + reason + (droppedRecords == 0 ? "" : "; " + droppedRecords + " record(s) from sequence "
            + firstDroppedSequence + " dropped");
    }
}
