package org.caselink.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.caselink.model.EntityType;
import org.caselink.model.Role;
import org.caselink.write.Rows.PersonRow;
import org.junit.jupiter.api.Test;

/** The demo set itself: big enough to explore, deterministic, and with networks that really link cases. */
class DemoDataTests {

    private final DemoData.Batch batch = DemoData.generate(DemoDataLoader.SEED);

    @Test
    void isDeterministic() {
        assertThat(DemoData.generate(DemoDataLoader.SEED)).isEqualTo(batch);
        assertThat(DemoData.generate(DemoDataLoader.SEED + 1)).isNotEqualTo(batch);
    }

    @Test
    void hasAtLeast200CasesAndAFewHundredAds() {
        assertThat(batch.cases()).hasSizeGreaterThanOrEqualTo(200);
        assertThat(batch.ads()).hasSizeBetween(250, 400);
        assertThat(batch.cases().stream().map(c -> c.caseNumber()).distinct()).hasSameSizeAs(batch.cases());
    }

    @Test
    void plantsFourNetworksWhoseControllerIsASuspectInSeveralStates() {
        Map<String, List<PersonRow>> controllers = batch.persons().stream()
                .filter(p -> p.personId().endsWith("-CTRL"))
                .collect(Collectors.groupingBy(PersonRow::personId));
        assertThat(controllers).hasSize(4);
        Map<String, String> stateOf =
                batch.cases().stream().collect(Collectors.toMap(c -> c.caseNumber(), c -> c.state()));
        controllers.values().forEach(rows -> {
            assertThat(rows).allMatch(r -> r.role() == Role.SUSPECT);
            Set<String> states =
                    rows.stream().map(r -> stateOf.get(r.caseNumber())).collect(Collectors.toSet());
            assertThat(states).hasSizeGreaterThanOrEqualTo(3);
        });
    }

    @Test
    void networkPhonesAreSharedAcrossAdsAndCasesAndSomeAdsListAChildsPhone() {
        Map<String, Long> adsPerPhone = batch.contacts().stream()
                .filter(c -> c.owner() == EntityType.AD && c.contact().type() == EntityType.PHONE)
                .collect(Collectors.groupingBy(c -> c.contact().value(), Collectors.counting()));
        Set<String> casePhones = batch.contacts().stream()
                .filter(c -> c.owner() == EntityType.CASE)
                .map(c -> c.contact().value())
                .collect(Collectors.toSet());
        assertThat(casePhones).hasSize(8).allMatch(p -> adsPerPhone.getOrDefault(p, 0L) >= 5);
        Set<String> childPhones = batch.contacts().stream()
                .filter(c -> c.owner() == EntityType.CHILD && c.contact().type() == EntityType.PHONE)
                .map(c -> c.contact().value())
                .collect(Collectors.toSet());
        Set<String> childPhonesOnAds = new HashSet<>(childPhones);
        childPhonesOnAds.retainAll(adsPerPhone.keySet());
        assertThat(childPhonesOnAds).isNotEmpty();
    }

    @Test
    void usesOnlyFictionalPhoneNumbers() {
        assertThat(batch.contacts())
                .filteredOn(c -> c.contact().type() == EntityType.PHONE)
                .allMatch(c -> c.contact().value().matches("\\+1\\d{3}55501\\d{2}"));
    }
}
