package com.licenseflow.config;

import com.licenseflow.workflow.EngineClock;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ClockConfiguration {

    @Bean
    public Clock clock() {
        return new EngineClock(ZoneId.systemDefault());
    }
}
