package io.sealtrail.bench.capacity;

/**
 * The consumer lag seen during a step.
 *
 * @param seconds since the step started
 * @param records records behind; negative when it could not be read
 */
public record LagSample(double seconds, long records) {}
