package io.sealtrail.anomaly.service;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The standalone service's own Prometheus registry; only {@link AnomalyMain} adds it, because in
 * local mode the shared server already answers {@code /prometheus}.
 */
public record PrometheusScrape(PrometheusMeterRegistry registry) {}
