package com.licenseflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The production profile brings no demo users: demo data is only for the default try-it-out run. */
class ProductionProfileTest {

    @Test
    void thePostgresProfileSwitchesDemoDataOff() throws IOException {
        PropertySource<?> postgres = new YamlPropertySourceLoader()
                .load("postgres", new ClassPathResource("application-postgres.yml"))
                .get(0);
        assertThat(postgres.getProperty("licenseflow.demo.enabled")).isEqualTo(false);
        PropertySource<?> defaults = new YamlPropertySourceLoader()
                .load("defaults", new ClassPathResource("application.yml"))
                .get(0);
        assertThat(defaults.getProperty("licenseflow.demo.enabled")).isEqualTo(true);
    }
}
