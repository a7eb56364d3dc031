package org.caselink.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Numbers and images that recur across unrelated records, none of them evidence of a link: a
 * hotline and the shelters children leave (on case records), an ad site's support line and stock
 * pictures (on ads), one hub phone and one hub image in very many unrelated ads. Apart because they
 * are drawn once per data set, salted into records at their own rates, and named in the truth file
 * as noise.
 */
final class SharedEntities {

    private final Random random;
    private final String hotline;
    private final List<String> shelters = new ArrayList<>();
    private final double[] shelterRates;
    private final String supportLine;
    private final List<Long> stockImages = new ArrayList<>();
    private final double[] stockRates = {0.02, 0.012, 0.008, 0.005, 0.003};
    private final String hubPhone;
    private final long hubImage;

    SharedEntities(Random random, FictionalPhones phones) {
        this.random = random;
        this.hotline = phones.next();
        int shelterCount = 6 + random.nextInt(5);
        this.shelterRates = new double[shelterCount];
        for (int i = 0; i < shelterCount; i++) {
            shelters.add(phones.next());
            shelterRates[i] = 0.003 + 0.007 * i / (shelterCount - 1);
        }
        this.supportLine = phones.next();
        for (int i = 0; i < stockRates.length; i++) {
            stockImages.add(random.nextLong());
        }
        this.hubPhone = phones.next();
        this.hubImage = random.nextLong();
    }

    /**
     * Numbers many unrelated intakes carry: a hotline, the shelter or group home a child left (far
     * more often for a child missing from care). Each goes to {@code phone} as soon as it is drawn.
     */
    void onCase(String type, Consumer<String> phone) {
        if (random.nextInt(1000) < 20) {
            phone.accept(hotline);
        }
        double careFactor = type.equals("MISSING_FROM_CARE") ? 1.6 : 0.3;
        for (int i = 0; i < shelters.size(); i++) {
            if (random.nextDouble() < shelterRates[i] * careFactor) {
                phone.accept(shelters.get(i));
            }
        }
    }

    /** The site's support number pasted into an ad now and then, and stock pictures many unrelated posters use. */
    void onAd(List<String> phones, List<String> imageHashes) {
        if (random.nextInt(1000) < 20) {
            phones.add(supportLine);
        }
        for (int i = 0; i < stockImages.size(); i++) {
            if (random.nextDouble() < stockRates[i]) {
                imageHashes.add(DataSet.hex(stockImages.get(i)));
            }
        }
    }

    /** A number in very many unrelated ads. */
    String hubPhone() {
        return hubPhone;
    }

    /** An image in very many unrelated ads. */
    long hubImage() {
        return hubImage;
    }

    /** The truth file's "sharedEntities": every shared phone and image hash. */
    Map<String, Object> truth() {
        Map<String, Object> shared = new LinkedHashMap<>();
        List<String> sharedPhones = new ArrayList<>();
        sharedPhones.add(hotline);
        sharedPhones.addAll(shelters);
        sharedPhones.add(supportLine);
        sharedPhones.add(hubPhone);
        List<String> sharedImages = new ArrayList<>();
        stockImages.forEach(i -> sharedImages.add(DataSet.hex(i)));
        sharedImages.add(DataSet.hex(hubImage));
        shared.put("phones", sharedPhones);
        shared.put("images", sharedImages);
        return shared;
    }
}
