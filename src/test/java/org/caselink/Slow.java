package org.caselink;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A suite that does not run on the one shared test application: child JVMs, killed and restarted
 * databases, thousands of generated records, or an application (and database) of its own, whose
 * start costs 10 to 40 seconds. The README's test command runs it; the everyday command
 * ({@code ./mvnw verify -DexcludedGroups=slow -Djacoco.skip=true}) leaves it out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
public @interface Slow {}
