package org.caselink.generator;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Phone numbers reserved for fiction, so generated data never names a real line: US 555-0100 to
 * 555-0199 in every area code where libphonenumber accepts them (about 45,000), then the UK
 * Ofcom drama ranges (14,000). Handed out in a seeded random order; past the end, numbers repeat.
 */
final class FictionalPhones {

    /** UK national numbers up to their last three digits: 0113 496 0xxx is "1134960". */
    private static final String[] UK_RANGES = {
        "1134960", "2079460", "2896496", "2920180", "1214960", "1314960", "1414960", "1514960", "1614960", "1914980",
        "1174960", "1184960", "1164960", "1144960"
    };

    private final List<String> pool = new ArrayList<>();
    private int next;

    FictionalPhones(Random random) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        for (int npa = 200; npa < 1000; npa++) {
            if (valid(util, "+1" + npa + "5550150")) {
                for (int line = 100; line < 200; line++) {
                    pool.add("+1" + npa + "5550" + line);
                }
            }
        }
        for (String prefix : UK_RANGES) {
            for (int i = 0; i < 1000; i++) {
                String n = "+44" + prefix + String.format("%03d", i);
                if (i == 0 && !valid(util, n)) {
                    break;
                }
                pool.add(n);
            }
        }
        Collections.shuffle(pool, random);
    }

    private static boolean valid(PhoneNumberUtil util, String e164) {
        try {
            return util.isValidNumber(util.parse(e164, null));
        } catch (NumberParseException e) {
            return false;
        }
    }

    String next() {
        String n = pool.get(next % pool.size());
        next++;
        return n;
    }

    int size() {
        return pool.size();
    }
}
