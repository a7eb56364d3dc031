package org.caselink;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * A test against the whole service (HTTP on a random port) and a real Neo4j (see
 * {@link TestDatabase}), without demo data at start. All such tests share one application context and one database; each test starts from
 * the graph it builds itself ({@link Fixtures}). GraphQL runs as {@link Fixtures#TEST_USER}, an
 * analyst, unless a test says otherwise ({@code @WithMockUser} on the test, or HTTP credentials).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "caselink.demo.enabled=false",
            // Tests read networks right after importing; NetworkRefresherTests covers the background runs.
            "caselink.analysis.networks.after-import=inline"
        })
@AutoConfigureGraphQlTester
@WithMockUser(username = Fixtures.TEST_USER, roles = "ANALYST")
public @interface IntegrationTest {}
