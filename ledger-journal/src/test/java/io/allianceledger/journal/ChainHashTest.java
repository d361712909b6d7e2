package io.allianceledger.journal;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.MessageDigest;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The chain is exactly SHA-256, or RFC 2104 HMAC-SHA256 as the JDK computes it, of previous value ‖ content. */
class ChainHashTest {
    @Test
    void keyedChainIsHmacSha256AndPlainChainIsSha256() throws Exception {
        final SplittableRandom random = new SplittableRandom(4);
        for (final int keyLength : new int[] {16, 32, 64, 65, 200}) {
            final byte[] key = new byte[keyLength];
            random.nextBytes(key);
            final ChainHash keyed = new ChainHash(key);
            final ChainHash plain = new ChainHash(null);
            final Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] keyedValue = new byte[32];
            byte[] plainValue = new byte[32];
            for (int n = 0; n < 300; n += 37) {
                final byte[] content = new byte[n + 10];
                random.nextBytes(content);
                keyed.advance(content, 10, n);
                plain.advance(content, 10, n);
                mac.update(keyedValue);
                mac.update(content, 10, n);
                keyedValue = mac.doFinal();
                final MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(plainValue);
                sha.update(content, 10, n);
                plainValue = sha.digest();
                assertArrayEquals(keyedValue, keyed.value(), "key of " + keyLength + " bytes, content " + n);
                assertArrayEquals(plainValue, plain.value());
            }
        }
    }
}
