package io.allianceledger.cli;

import io.allianceledger.alliance.command.RuleSet;
import io.allianceledger.alliance.command.ShortfallPolicy;
import io.allianceledger.alliance.command.SplitShare;
import io.allianceledger.cli.events.Amounts;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rules file (YAML; a commented example is in examples/rules): the alliance's identity for {@code ledger init}
 * and a rule set, with optional per-store overrides. Strict: unknown keys, missing keys and values of the wrong
 * kind are errors naming the key. Decimal values (prices, amounts) are read as written, never as binary floats.
 *
 * @param name          the ledger's identity (init only).
 * @param operator      the operator's participant code (init only).
 * @param timeZone      the alliance's IANA time zone (init only).
 * @param channels      payment channels to register (init only; later files may add new ones).
 * @param effectiveFrom the default rule set's effective-from instant, epoch ms, or -1 if not given.
 * @param rules         the alliance's default rule set.
 * @param overrides     store code → its own rule set.
 */
record RulesFile(String name, String operator, String timeZone, List<String> channels, long effectiveFrom,
                 RuleSet rules, Map<String, RuleSet> overrides) {

    private static final Set<String> TOP = Set.of("alliance", "effectiveFrom", "rules", "storeOverrides");
    private static final Set<String> ALLIANCE = Set.of("name", "operator", "timeZone", "channels");
    private static final Set<String> RULES = Set.of("issuePrice", "redeemPrice", "expiryDays", "lockDays",
        "shortfallPolicy", "feeRateBps", "shares", "maxSplitRatioBps", "minimumSettlement");
    private static final Set<String> SHARE = Set.of("to", "bps", "cap");

    static RulesFile read(final Path file) {
        final Object root;
        try (InputStream in = Files.newInputStream(file)) {
            root = yaml().load(new java.io.InputStreamReader(in,
                java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)));
        } catch (final NoSuchFileException e) {
            throw new UserError("rules file " + file + " does not exist");
        } catch (final IOException e) {
            throw new UserError("cannot read rules file " + file + ": " + e.getMessage(), e);
        } catch (final YAMLException e) {
            final Throwable cause = e.getCause();
            if (cause instanceof CharacterCodingException) {
                throw new UserError("rules file " + file + " is not UTF-8");
            }
            throw new UserError("rules file " + file + " is not valid YAML: " + e.getMessage());
        }
        try {
            return parse(root);
        } catch (final IllegalArgumentException e) {
            throw new UserError("rules file " + file + ": " + e.getMessage());
        }
    }

    /** Integers and strings only: an unquoted 0.0125 stays the string "0.0125". */
    private static Yaml yaml() {
        final LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        final Resolver resolver = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
                addImplicitResolver(Tag.INT, INT, "-+0123456789");
                addImplicitResolver(Tag.NULL, NULL, "~nN\0");
                addImplicitResolver(Tag.NULL, EMPTY, null);
            }
        };
        return new Yaml(new SafeConstructor(options), new Representer(new org.yaml.snakeyaml.DumperOptions()),
            new org.yaml.snakeyaml.DumperOptions(), options, resolver);
    }

    static RulesFile parse(final Object root) {
        final Map<String, Object> top = map(root, "the file", TOP);
        final Map<String, Object> alliance = top.containsKey("alliance") ? map(top.get("alliance"), "alliance", ALLIANCE) : Map.of();
        final List<String> channels = new ArrayList<>();
        if (alliance.containsKey("channels")) {
            if (!(alliance.get("channels") instanceof List<?> list)) {
                throw new IllegalArgumentException("alliance.channels must be a list of channel codes");
            }
            for (final Object c : list) {
                channels.add(text(c, "alliance.channels"));
            }
        }
        final long effectiveFrom = top.containsKey("effectiveFrom") ? time(top.get("effectiveFrom"), "effectiveFrom") : -1;
        if (!top.containsKey("rules")) {
            throw new IllegalArgumentException("the key \"rules\" is missing");
        }
        final RuleSet rules = rules(top.get("rules"), "rules");
        final Map<String, RuleSet> overrides = new LinkedHashMap<>();
        if (top.containsKey("storeOverrides")) {
            final Map<String, Object> stores = map(top.get("storeOverrides"), "storeOverrides", null);
            for (final Map.Entry<String, Object> e : stores.entrySet()) {
                overrides.put(e.getKey(), rules(e.getValue(), "storeOverrides." + e.getKey()));
            }
        }
        return new RulesFile(
            alliance.containsKey("name") ? text(alliance.get("name"), "alliance.name") : null,
            alliance.containsKey("operator") ? text(alliance.get("operator"), "alliance.operator") : null,
            alliance.containsKey("timeZone") ? text(alliance.get("timeZone"), "alliance.timeZone") : null,
            List.copyOf(channels), effectiveFrom, rules, overrides);
    }

    private static RuleSet rules(final Object node, final String where) {
        final Map<String, Object> m = map(node, where, RULES);
        for (final String key : RULES) {
            if (!m.containsKey(key)) {
                throw new IllegalArgumentException(where + "." + key + " is missing");
            }
        }
        final List<SplitShare> shares = new ArrayList<>();
        if (!(m.get("shares") instanceof List<?> list)) {
            throw new IllegalArgumentException(where + ".shares must be a list (it may be empty: [])");
        }
        for (int i = 0; i < list.size(); i++) {
            final String at = where + ".shares[" + i + "]";
            final Map<String, Object> s = map(list.get(i), at, SHARE);
            final String to = text(s.get("to"), at + ".to");
            final int level;
            if (to.equals("hq")) {
                level = 0;
            } else if (to.matches("agent[1-8]")) {
                level = to.charAt(5) - '0';
            } else {
                throw new IllegalArgumentException(at + ".to must be hq or agent1..agent8, is \"" + to + "\"");
            }
            final long cap = s.containsKey("cap") ? fen(s.get("cap"), at + ".cap") : SplitShare.UNCAPPED;
            shares.add(new SplitShare(level, integer(s.get("bps"), at + ".bps"), cap));
        }
        final ShortfallPolicy policy;
        try {
            policy = ShortfallPolicy.valueOf(text(m.get("shortfallPolicy"), where + ".shortfallPolicy"));
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ".shortfallPolicy must be NEGATIVE or FORGIVE");
        }
        return new RuleSet(price(m.get("issuePrice"), where + ".issuePrice"), price(m.get("redeemPrice"), where + ".redeemPrice"),
            integer(m.get("expiryDays"), where + ".expiryDays"), integer(m.get("lockDays"), where + ".lockDays"), policy,
            integer(m.get("feeRateBps"), where + ".feeRateBps"), shares,
            integer(m.get("maxSplitRatioBps"), where + ".maxSplitRatioBps"),
            fen(m.get("minimumSettlement"), where + ".minimumSettlement"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(final Object node, final String where, final Set<String> allowed) {
        if (!(node instanceof Map<?, ?> raw)) {
            throw new IllegalArgumentException(where + " must be a mapping of keys to values");
        }
        for (final Object key : raw.keySet()) {
            if (!(key instanceof String k)) {
                throw new IllegalArgumentException(where + " has a key that is not text: " + key);
            }
            if (allowed != null && !allowed.contains(k)) {
                throw new IllegalArgumentException(where + " has an unknown key \"" + k + "\"; allowed: " + new java.util.TreeSet<>(allowed));
            }
        }
        return (Map<String, Object>)raw;
    }

    private static String text(final Object node, final String where) {
        if (node == null) {
            throw new IllegalArgumentException(where + " is missing");
        }
        if (!(node instanceof String s) || s.isEmpty()) {
            throw new IllegalArgumentException(where + " must be text");
        }
        return s;
    }

    private static int integer(final Object node, final String where) {
        if (!(node instanceof Integer i)) {
            throw new IllegalArgumentException(where + " must be a whole number");
        }
        return i;
    }

    private static long price(final Object node, final String where) {
        final String s = node instanceof Integer i ? Integer.toString(i) : text(node, where);
        try {
            return RuleSet.price(s);
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    private static long fen(final Object node, final String where) {
        final String s = node instanceof Integer i ? Integer.toString(i) : text(node, where);
        if (s.equals("0") || s.equals("0.0") || s.equals("0.00")) {
            return 0;
        }
        try {
            return Amounts.parseFen(s, false);
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    private static long time(final Object node, final String where) {
        try {
            return Math.floorDiv(Amounts.parseTime(text(node, where)), 1_000_000L);
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }
}
