package io.allianceledger.engine;

import io.allianceledger.command.CommandId;
import io.allianceledger.command.DefineAsset;
import io.allianceledger.command.OpenAccount;
import io.allianceledger.command.PostEntry;
import io.allianceledger.command.ResultCode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A record that ends exactly at the end of a 1 MiB chunk must not break the next append. */
class RecordLogBoundaryTest {
    @Test
    void appendAfterARecordEndingExactlyAtAChunkEnd() {
        final MachineDriver d = new MachineDriver();
        long id = 1;
        // Records: define asset 16 + 32 = 48 bytes, open account 16 + 40 = 56, transfer 16 + 88 = 104.
        // 48 + 13 × 56 + 10075 × 104 = 1,048,576: the log ends exactly at the end of its first chunk.
        assertEquals(ResultCode.CREATED, d.code(new DefineAsset(CommandId.of(id++), 156, 2)));
        for (int i = 1; i <= 13; i++) {
            assertEquals(ResultCode.CREATED, d.code(new OpenAccount(CommandId.of(id++), i, 156, 0)));
        }
        for (int i = 0; i < 10_075; i++) {
            assertEquals(ResultCode.CREATED, d.code(PostEntry.transfer(CommandId.of(id++), 1, 2, 1)));
        }
        assertEquals(1 << 20, d.machine().records().position());
        assertEquals(ResultCode.CREATED, d.code(PostEntry.transfer(CommandId.of(id++), 1, 2, 1)));
        assertEquals(d.machine().stateHash(), d.replay().stateHash());
    }
}
