package org.caseway.bench;

/**
 * One line of the results table.
 *
 * @param benchmark the benchmark class and method, e.g. {@code ValidationBenchmark.validate}
 * @param params its parameters, e.g. {@code event=incident-reported}
 * @param microsPerOp average time per operation, microseconds
 * @param error the 99.9% confidence half-width, microseconds
 * @param opsPerSecond one thread's operations per second
 * @param timesParseEncode how many HAPI parse+encodes of the same message one operation costs; null
 *     if there is no such yardstick for it
 */
public record Row(
    String benchmark,
    String params,
    double microsPerOp,
    double error,
    double opsPerSecond,
    Double timesParseEncode) {}
