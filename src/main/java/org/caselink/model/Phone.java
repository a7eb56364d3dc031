package org.caselink.model;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;

/** A phone number in E.164, the one form every record is normalised to. */
public record Phone(String e164) implements Entity {

    static Phone from(Value n) {
        return new Phone(n.get("e164").asString());
    }

    /** The number as written in its own country, e.g. (703) 555-0142. */
    public String national() {
        return parsed() == null ? e164 : PhoneNumberUtil.getInstance().format(parsed(), PhoneNumberFormat.NATIONAL);
    }

    public @Nullable String region() {
        var p = parsed();
        return p == null ? null : PhoneNumberUtil.getInstance().getRegionCodeForNumber(p);
    }

    private com.google.i18n.phonenumbers.Phonenumber.@Nullable PhoneNumber parsed() {
        try {
            return PhoneNumberUtil.getInstance().parse(e164, null);
        } catch (NumberParseException e) {
            return null;
        }
    }

    @Override
    public EntityType entityType() {
        return EntityType.PHONE;
    }

    @Override
    public String key() {
        return e164;
    }
}
