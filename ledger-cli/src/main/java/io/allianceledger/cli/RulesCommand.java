package io.allianceledger.cli;

import io.allianceledger.alliance.command.RegisterParticipant;
import io.allianceledger.alliance.command.RegisterRuleSet;
import io.allianceledger.alliance.command.Role;
import io.allianceledger.cli.events.Amounts;
import io.allianceledger.command.CommandId;
import io.allianceledger.ledger.Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ledger rules DIR rules.yaml --effective TIME}: registers a new rule version. */
@Command(name = "rules", mixinStandardHelpOptions = true,
    description = "Register a new rule version, in force from --effective (inclusive); commands use the version in "
        + "force at their own time, and booked entries never change. Channels new in the file are registered.")
final class RulesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The ledger directory.")
    Path directory;

    @Parameters(index = "1", paramLabel = "RULES", description = "Rules file (YAML); its alliance section is ignored "
        + "except for new channels.")
    Path rulesFile;

    @Option(names = "--effective", required = true, paramLabel = "TIME",
        description = "ISO-8601 time with offset from which the version is in force, e.g. 2026-12-01T00:00:00+08:00.")
    String effective;

    @Override
    public Integer call() {
        final RulesFile rules = RulesFile.read(rulesFile);
        final long from;
        try {
            from = Math.floorDiv(Amounts.parseTime(effective), 1_000_000L);
        } catch (final IllegalArgumentException e) {
            throw new UserError("--effective: " + e.getMessage());
        }
        try (LedgerHome home = LedgerHome.open(directory)) {
            for (final String channel : rules.channels()) {
                final Result r = home.execute(0, new RegisterParticipant(
                    CommandId.fromName("init:channel:" + channel), channel, Role.CHANNEL, null));
                if (!r.isSuccess()) {
                    throw new UserError("the ledger refused channel " + channel + ": " + r.code());
                }
            }
            final int count = register(home, rules, from, "rules:" + effective + ":" + digest(rulesFile));
            spec.commandLine().getOut().println("registered rules from " + rulesFile + " effective " + effective
                + " (" + count + " rule set(s))");
        }
        return ExitCodes.OK;
    }

    /**
     * Registers the default rule set and each store override; a repeated file is idempotent. Stamped at the
     * clock's current reading (init sets it; {@code ledger rules} leaves it at 0: the ledger's current time).
     */
    static int register(final LedgerHome home, final RulesFile rules, final long from, final String idPrefix) {
        int count = 0;
        final long stamp = home.clock().nanoTime();
        final Result r = home.execute(stamp, new RegisterRuleSet(ruleId(idPrefix, ""), null, from, rules.rules()));
        check(r, "the default rule set");
        count++;
        for (final Map.Entry<String, io.allianceledger.alliance.command.RuleSet> e : rules.overrides().entrySet()) {
            check(home.execute(stamp, new RegisterRuleSet(ruleId(idPrefix, e.getKey()), e.getKey(), from,
                e.getValue())), "the override for store " + e.getKey());
            count++;
        }
        return count;
    }

    /** A stable id for a rule set of one file at one instant: registering the same file again is EXISTS. */
    private static CommandId ruleId(final String prefix, final String store) {
        try {
            final byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                .digest((prefix + "\n" + store).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return CommandId.fromName("rules:" + java.util.HexFormat.of().formatHex(d, 0, 16));
        } catch (final java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void check(final Result r, final String what) {
        if (!r.isSuccess()) {
            throw new UserError("the ledger refused " + what + ": " + r.code());
        }
    }

    private static String digest(final Path file) {
        try {
            final byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(java.nio.file.Files.readAllBytes(file));
            return java.util.HexFormat.of().formatHex(d, 0, 8);
        } catch (final Exception e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
