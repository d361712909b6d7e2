package io.allianceledger.cli;

import io.allianceledger.alliance.command.ConfigureAlliance;
import io.allianceledger.alliance.command.RegisterParticipant;
import io.allianceledger.alliance.command.RegisterRuleSet;
import io.allianceledger.alliance.command.Role;
import io.allianceledger.command.CommandId;
import io.allianceledger.command.DefineAsset;
import io.allianceledger.ledger.Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ledger init DIR --rules rules.yaml}: creates a ledger directory with its first rule version. */
@Command(name = "init", mixinStandardHelpOptions = true,
    description = "Create a ledger directory: the alliance (operator, time zone, payment channels) and its first "
        + "rule version, effective from the rules file's effectiveFrom.")
final class InitCommand implements Callable<Integer> {
    /** Asset code of points in every CLI ledger. */
    static final int POINTS = 1;
    /** Asset code of CNY (ISO 4217 numeric), scale 2. */
    static final int CNY = 156;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The ledger directory to create (new or empty).")
    Path directory;

    @Option(names = "--rules", required = true, paramLabel = "FILE",
        description = "Rules file (YAML); see examples/rules. Needs alliance.name, alliance.operator, "
            + "alliance.timeZone and effectiveFrom.")
    Path rulesFile;

    @Override
    public Integer call() {
        final RulesFile rules = RulesFile.read(rulesFile);
        if (rules.name() == null || rules.operator() == null || rules.timeZone() == null || rules.effectiveFrom() < 0) {
            throw new UserError("rules file " + rulesFile + ": init needs alliance.name, alliance.operator, "
                + "alliance.timeZone and effectiveFrom");
        }
        if (!rules.overrides().isEmpty()) {
            throw new UserError("rules file " + rulesFile + ": storeOverrides name stores, which do not exist before "
                + "init; register the stores with ledger post, then add the overrides with ledger rules");
        }
        try {
            java.time.ZoneId.of(rules.timeZone());
        } catch (final java.time.DateTimeException e) {
            throw new UserError("rules file " + rulesFile + ": alliance.timeZone \"" + rules.timeZone()
                + "\" is not an IANA time zone such as Asia/Shanghai");
        }
        final boolean existed = java.nio.file.Files.exists(directory);
        // create() refuses a directory holding anything before it writes; from here on, a failure is ours to undo.
        final LedgerHome home = LedgerHome.create(directory, rules.name(), rules.operator());
        stamp = rules.effectiveFrom() * 1_000_000L;
        try (home) {
            require(home, new DefineAsset(CommandId.fromName("init:asset:points"), POINTS, 0));
            require(home, new DefineAsset(CommandId.fromName("init:asset:cny"), CNY, 2));
            require(home, new ConfigureAlliance(CommandId.fromName("init:alliance"), rules.timeZone(), POINTS, CNY));
            require(home, new RegisterParticipant(CommandId.fromName("init:operator"), rules.operator(), Role.OPERATOR, null));
            for (final String channel : rules.channels()) {
                require(home, new RegisterParticipant(CommandId.fromName("init:channel:" + channel), channel, Role.CHANNEL, null));
            }
            home.clock().set(stamp);
            RulesCommand.register(home, rules, rules.effectiveFrom(), "init");
            spec.commandLine().getOut().println("created ledger \"" + rules.name() + "\" in " + directory
                + ": operator " + rules.operator() + ", time zone " + rules.timeZone() + ", "
                + rules.channels().size() + " channel(s), rule version 1 with " + rules.overrides().size()
                + " store override(s)");
        } catch (final RuntimeException e) {
            removeHalfMade(directory, existed);
            throw e;
        }
        return ExitCodes.OK;
    }

    /** A failed init leaves nothing behind: the directory was new or empty before it. */
    private static void removeHalfMade(final Path directory, final boolean existed) {
        try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(directory)) {
            final java.util.List<Path> paths = walk.sorted(java.util.Comparator.reverseOrder()).toList();
            for (final Path p : paths) {
                if (existed && p.equals(directory)) {
                    continue;
                }
                java.nio.file.Files.deleteIfExists(p);
            }
        } catch (final java.io.IOException e) {
            throw new UserError("init failed and " + directory + " could not be cleaned up: " + e.getMessage(), e);
        }
    }

    /** Init's commands are stamped at the first rule version's instant, so the journal starts there. */
    private long stamp;

    void require(final LedgerHome home, final io.allianceledger.command.Command command) {
        final Result r = home.execute(stamp, command);
        if (!r.isSuccess()) {
            throw new UserError("the ledger refused " + command.getClass().getSimpleName() + ": " + r.code());
        }
    }

}
