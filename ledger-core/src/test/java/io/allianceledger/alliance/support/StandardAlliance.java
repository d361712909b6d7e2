package io.allianceledger.alliance.support;

import io.allianceledger.alliance.AccountKind;
import io.allianceledger.alliance.command.ConfigureAlliance;
import io.allianceledger.alliance.command.RegisterParticipant;
import io.allianceledger.alliance.command.RegisterRuleSet;
import io.allianceledger.alliance.command.Role;
import io.allianceledger.alliance.command.RuleSet;
import io.allianceledger.alliance.command.ShortfallPolicy;
import io.allianceledger.alliance.command.SplitShare;
import io.allianceledger.engine.AccountView;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The alliance of the worked examples in docs/accounting-model.md: Asia/Shanghai; operator "op"; agents "prov"
 * (level 1 under the operator) and "city" (under prov); HQ "hq1" under city; store "s1" under hq1 and store "s2"
 * directly under city (no HQ); members "m1", "m2"; channel "alipay". Rule v1 from 2026-01-01T00:00+08:00: issue
 * 0.0125 CNY/point, redeem 0.0080, expiry 365 days, lock 7 days, NEGATIVE, fee 300 bps split city (agent level
 * 1) 2000, prov (level 2) 1000, HQ 5000, max split ratio 500 bps, minimum settlement 100.00 CNY.
 */
public final class StandardAlliance {
    public static final int POINTS = 1001;
    public static final int CNY = 156;
    public static final long ISSUE = 125;   // 0.0125 CNY
    public static final long REDEEM = 80;   // 0.0080 CNY

    public final AllianceDriver d;

    public StandardAlliance() {
        this(ShortfallPolicy.NEGATIVE);
    }

    public StandardAlliance(final ShortfallPolicy policy) {
        this(policy, new AllianceDriver());
    }

    /** @param driver a fresh driver, e.g. over a domain built with a test bound. */
    public StandardAlliance(final ShortfallPolicy policy, final AllianceDriver driver) {
        d = driver;
        d.ok(new ConfigureAlliance(d.id(), "Asia/Shanghai", POINTS, CNY));
        d.ok(new RegisterParticipant(d.id(), "op", Role.OPERATOR, null));
        d.ok(new RegisterParticipant(d.id(), "prov", Role.AGENT, "op"));
        d.ok(new RegisterParticipant(d.id(), "city", Role.AGENT, "prov"));
        d.ok(new RegisterParticipant(d.id(), "hq1", Role.HQ, "city"));
        d.ok(new RegisterParticipant(d.id(), "s1", Role.STORE, "hq1"));
        d.ok(new RegisterParticipant(d.id(), "s2", Role.STORE, "city"));
        d.ok(new RegisterParticipant(d.id(), "m1", Role.MEMBER, null));
        d.ok(new RegisterParticipant(d.id(), "m2", Role.MEMBER, null));
        d.ok(new RegisterParticipant(d.id(), "alipay", Role.CHANNEL, null));
        d.ok(new RegisterRuleSet(d.id(), null, t("2026-01-01T00:00+08:00"), rules(policy)));
    }

    public static RuleSet rules(final ShortfallPolicy policy) {
        return new RuleSet(ISSUE, REDEEM, 365, 7, policy, 300,
            List.of(SplitShare.agent(1, 2000), SplitShare.agent(2, 1000), SplitShare.hq(5000)), 500, 10_000);
    }

    /** @return epoch milliseconds of an ISO-8601 time with offset. */
    public static long t(final String iso) {
        return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
    }

    public static long id(final String code) {
        return AllianceDriver.id(code);
    }

    public AccountView account(final String code, final AccountKind kind) {
        return d.account(d.domain().accountId(code, kind).orElseThrow());
    }

    /** Credits minus debits of a participant's account of a kind. */
    public long credit(final String code, final AccountKind kind) {
        return account(code, kind).creditBalance();
    }

    /** Debits minus credits. */
    public long debit(final String code, final AccountKind kind) {
        return account(code, kind).debitBalance();
    }

    public void assertInvariants() {
        d.machine().findViolation().ifPresent(v -> {
            throw new AssertionError("engine: " + v);
        });
        d.domain().findViolation().ifPresent(v -> {
            throw new AssertionError("domain: " + v);
        });
    }
}
