package org.caselink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A command's or benchmark's own setting replaces the default one of the same name, not joins it. */
class ContextsTests {

    @Test
    void theLastSettingOfANameWins() {
        assertThat(Contexts.arguments(List.of(
                        "caselink.demo.enabled=false",
                        "server.port=0",
                        "caselink.demo.enabled=true",
                        "caselink.embedded.data-dir=/tmp/a=b")))
                .containsExactly(
                        "--caselink.demo.enabled=true", "--server.port=0", "--caselink.embedded.data-dir=/tmp/a=b");
    }
}
