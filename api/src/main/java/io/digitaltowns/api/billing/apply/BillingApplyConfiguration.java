package io.digitaltowns.api.billing.apply;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(BillingApplyProperties.class)
class BillingApplyConfiguration {}
