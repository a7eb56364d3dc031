package org.caselink;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CaselinkApplication {

    public static void main(String[] args) {
        SpringApplication.run(CaselinkApplication.class, args);
    }
}
