package org.caselink.generator;

import static org.caselink.generator.WordLists.FIRST_F;
import static org.caselink.generator.WordLists.FIRST_M;
import static org.caselink.generator.WordLists.LAST;
import static org.caselink.generator.WordLists.ZIPF_FIRST_F;
import static org.caselink.generator.WordLists.ZIPF_FIRST_M;
import static org.caselink.generator.WordLists.ZIPF_LAST;
import static org.caselink.generator.WordLists.zipfPick;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The true people of a data set (children, suspects, associates) and how case records mention
 * them: with or without an id, a name with a typo now and then, contacts in any format. Apart
 * because who a person truly is and how a record writes them down is the identity problem the
 * service has to solve, and the truth file records the one for every instance of the other.
 */
final class People {

    /** A suspect or associate as they truly are; {@code personId} is null when no source system knows one. */
    record TruePerson(
            String id,
            String first,
            String last,
            List<String> aliases,
            LocalDate dob,
            String personId,
            List<String> phones,
            List<String> emails) {}

    /** A missing child as they truly are; {@code childId}, {@code phone} and {@code handle} may be unknown (null). */
    record TrueChild(
            String id,
            String childId,
            String first,
            String last,
            LocalDate dob,
            String sex,
            String phone,
            String handle) {}

    private final Random random;
    private final FictionalPhones phones;
    private final PhoneFormats phoneFormats;
    private final DataSet records;
    private final List<TrueChild> children = new ArrayList<>();
    /** Person ids some record has carried: a link record may only name those. */
    private final Set<String> idsWritten = new TreeSet<>();

    private int personCounter;
    private int childCounter;

    People(Random random, FictionalPhones phones, PhoneFormats phoneFormats, DataSet records) {
        this.random = random;
        this.phones = phones;
        this.phoneFormats = phoneFormats;
        this.records = records;
    }

    /**
     * @param withId whether the source systems know the person by an id
     * @param dobPercent how often the records know the date of birth
     * @param corroborated whether a mention without the id still carries a dob, phone or email
     */
    TruePerson person(boolean withId, int dobPercent, boolean corroborated) {
        int n = ++personCounter;
        String first = zipfPick(random, FIRST_M, ZIPF_FIRST_M);
        String last = zipfPick(random, LAST, ZIPF_LAST);
        List<String> aliases =
                random.nextInt(3) == 0 ? List.of(first.charAt(0) + "" + last.charAt(0), "Big " + first) : List.of();
        LocalDate dob = random.nextInt(100) < dobPercent
                ? LocalDate.of(1970 + random.nextInt(30), 1 + random.nextInt(12), 1 + random.nextInt(28))
                : null;
        List<String> ps = new ArrayList<>();
        if (random.nextInt(10) < 6 || (corroborated && dob == null)) {
            ps.add(phones.next());
        }
        List<String> es = random.nextInt(10) < 3
                ? List.of(first.toLowerCase(Locale.ROOT) + "." + last.toLowerCase(Locale.ROOT) + n + "@example.com")
                : List.of();
        return new TruePerson("T-P" + n, first, last, aliases, dob, withId ? "P-" + n : null, ps, es);
    }

    TrueChild child(int minAge, int maxAge, OffsetDateTime reported) {
        int n = ++childCounter;
        if (!children.isEmpty() && random.nextInt(100) == 0) {
            // A namesake: another child with the same first name, last name and date of birth.
            TrueChild other = children.get(random.nextInt(children.size()));
            TrueChild c = new TrueChild(
                    "T-C" + n,
                    random.nextBoolean() ? "CH-" + n : null,
                    other.first(),
                    other.last(),
                    other.dob(),
                    other.sex(),
                    random.nextInt(10) < 5 ? phones.next() : null,
                    random.nextInt(10) < 4 ? other.first().toLowerCase(Locale.ROOT) + "." + n : null);
            records.namesakes(other.id(), c.id());
            children.add(c);
            return c;
        }
        boolean girl = random.nextInt(10) < 8;
        String first = girl ? zipfPick(random, FIRST_F, ZIPF_FIRST_F) : zipfPick(random, FIRST_M, ZIPF_FIRST_M);
        String last = zipfPick(random, LAST, ZIPF_LAST);
        int age = minAge + random.nextInt(maxAge - minAge + 1);
        LocalDate dob = reported.toLocalDate().minusYears(age).minusDays(random.nextInt(365));
        String phone = random.nextInt(10) < 5 ? phones.next() : null;
        String handle = random.nextInt(10) < 4 ? first.toLowerCase(Locale.ROOT) + "." + n : null;
        TrueChild c = new TrueChild(
                "T-C" + n,
                random.nextInt(10) < 8 ? "CH-" + n : null,
                first,
                last,
                dob,
                girl ? "F" : "M",
                phone,
                handle);
        children.add(c);
        return c;
    }

    /**
     * Adds one mention of a person to a case record's {@code persons}: the person id (when the
     * source has it), a name as written, maybe a typo.
     */
    void mention(ArrayNode persons, TruePerson p, String role, int line, int index) {
        ObjectNode o = persons.addObject();
        boolean withId = p.personId() != null && random.nextInt(10) < 7;
        if (withId) {
            o.put("personId", p.personId());
            idsWritten.add(p.personId());
        }
        o.put("role", role);
        o.put("firstName", p.first());
        o.put("lastName", random.nextInt(100) < 12 ? typo(p.last()) : p.last());
        if (!p.aliases().isEmpty()) {
            var a = o.putArray("aliases");
            p.aliases().forEach(a::add);
        }
        if (p.dob() != null) {
            o.put("dob", p.dob().toString());
        }
        if (!p.phones().isEmpty()) {
            var a = o.putArray("phones");
            p.phones().forEach(ph -> a.add(phoneFormats.format(ph)));
        }
        if (!p.emails().isEmpty()) {
            var a = o.putArray("emails");
            p.emails().forEach(e -> a.add(random.nextBoolean() ? e.toUpperCase(Locale.ROOT) : e));
        }
        records.personMention(line, index, p.id());
    }

    /** Whether some record has carried this person id. */
    boolean written(String personId) {
        return idsWritten.contains(personId);
    }

    private String typo(String name) {
        if (name.length() < 4) {
            return name;
        }
        int i = 1 + random.nextInt(name.length() - 2);
        return switch (random.nextInt(3)) {
            case 0 -> name.substring(0, i) + name.substring(i + 1); // dropped letter
            case 1 ->
                name.substring(0, i) + name.charAt(i + 1) + name.charAt(i) + name.substring(i + 2); // swapped letters
            default -> name.substring(0, i) + name.charAt(i) + name.substring(i); // doubled letter
        };
    }
}
