package org.caselink.web;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.TimeoutWebGraphQlInterceptor;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Limits of the HTTP API that GraphQL itself does not know of: request rate, body size and request time. */
@Configuration(proxyBeanMethods = false)
class HttpLimits {

    /**
     * Spring Security's filter chain (its DelegatingFilterProxy) runs at order -100; this runs after
     * it, at {@link #RATE_LIMIT_ORDER}, so that the authenticated user is known and requests without
     * valid credentials are refused before they spend a client's budget.
     */
    static final int RATE_LIMIT_ORDER = 0;

    @Bean
    @ConditionalOnProperty(name = "caselink.api.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
    FilterRegistrationBean<RateLimitFilter> rateLimit(
            @Value("${caselink.api.rate-limit.requests-per-minute:600}") long requestsPerMinute,
            @Value("${caselink.api.rate-limit.burst:100}") long burst,
            @Value("${caselink.api.rate-limit.max-clients:100000}") long maxClients,
            @Value("${spring.graphql.http.path:/graphql}") String graphQlPath) {
        var registration = new FilterRegistrationBean<>(new RateLimitFilter(requestsPerMinute, burst, maxClients));
        registration.addUrlPatterns(graphQlPath, "/api/*");
        registration.setOrder(RATE_LIMIT_ORDER);
        return registration;
    }

    /** After the rate limit: a refused client's body is not read at all. */
    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimit(
            @Value("${caselink.api.max-request-bytes:4MB}") DataSize max,
            @Value("${spring.graphql.http.path:/graphql}") String graphQlPath) {
        var registration = new FilterRegistrationBean<>(new BodyLimitFilter(max.toBytes()));
        registration.addUrlPatterns(graphQlPath);
        registration.setOrder(RATE_LIMIT_ORDER + 1);
        return registration;
    }

    /**
     * A GraphQL request over HTTP that has not answered within the timeout gets 503. The work it
     * started is not interrupted: its Cypher stops at the Neo4j transaction timeout
     * ({@code caselink.neo4j.transaction-timeout}), which holds for reads and writes alike.
     */
    @Bean
    TimeoutWebGraphQlInterceptor requestTimeout(@Value("${caselink.api.request-timeout:30s}") Duration timeout) {
        return new TimeoutWebGraphQlInterceptor(timeout, HttpStatus.SERVICE_UNAVAILABLE);
    }

    /**
     * GraphQL over HTTP answers asynchronously; the servlet container's own async timeout (Tomcat:
     * 30 s) would otherwise cut a request before the GraphQL timeout above, whatever that is set to.
     */
    @Bean
    WebMvcConfigurer asyncTimeout(@Value("${caselink.api.request-timeout:30s}") Duration timeout) {
        return new WebMvcConfigurer() {
            @Override
            public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
                configurer.setDefaultTimeout(timeout.plusSeconds(5).toMillis());
            }
        };
    }
}
