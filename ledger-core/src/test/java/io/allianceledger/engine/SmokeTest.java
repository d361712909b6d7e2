package io.allianceledger.engine;

import io.allianceledger.command.CommandId;
import io.allianceledger.command.DefineAsset;
import io.allianceledger.command.OpenAccount;
import io.allianceledger.command.PostEntry;
import io.allianceledger.command.ResultCode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SmokeTest {
    @Test
    void transfer() {
        final MachineDriver d = new MachineDriver();
        assertEquals(ResultCode.CREATED, d.code(new DefineAsset(CommandId.of(1), 156, 2)));
        assertEquals(ResultCode.CREATED, d.code(new OpenAccount(CommandId.of(2), 10, 156, 0)));
        assertEquals(ResultCode.CREATED, d.code(new OpenAccount(CommandId.of(3), 11, 156, 0)));
        assertEquals(ResultCode.CREATED, d.code(PostEntry.transfer(CommandId.of(4), 10, 11, 500)));
        assertEquals(500, d.machine().account(10).orElseThrow().debitsPosted());
        assertEquals(500, d.machine().account(11).orElseThrow().creditsPosted());
        assertEquals(ResultCode.EXISTS, d.code(PostEntry.transfer(CommandId.of(4), 10, 11, 500)));
        assertEquals(ResultCode.EXISTS_WITH_DIFFERENT_FIELDS, d.code(PostEntry.transfer(CommandId.of(4), 10, 11, 501)));
        assertEquals(d.machine().stateHash(), d.replay().stateHash());
        assertEquals(java.util.Optional.empty(), d.machine().findViolation());
    }
}
