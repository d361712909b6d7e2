package io.allianceledger.cli;

import io.allianceledger.command.ResultCode;

import java.util.Locale;

/** A short human message for a result code, for results files and stderr. */
final class ResultMessages {
    private ResultMessages() {
    }

    static String of(final ResultCode code) {
        return code.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
