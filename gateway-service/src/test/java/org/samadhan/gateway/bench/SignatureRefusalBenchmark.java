package org.samadhan.gateway.bench;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.samadhan.contracts.Hmac;
import org.samadhan.gateway.WebhookSignature;
import org.samadhan.gateway.Webhooks;

/**
 * What refusing a forged webhook costs the event loop: a 1 MiB body of Devanagari (UTF-8, the largest body the
 * gateway takes) with a wrong signature, beside the same body correctly signed, measured in the same run. Run with
 * {@code gateway-service/bench/signature.sh}; prints both times and their ratio.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class SignatureRefusalBenchmark {

    private static final String SECRET = "bench-app-secret";
    private static final int MIB = 1024 * 1024;

    private final WebhookSignature signature = new WebhookSignature(SECRET);
    private byte[] body;
    private String signed;
    private String wrong;

    @Setup
    public void setUp() {
        body = Webhooks.devanagariText(MIB);
        signed = Hmac.webhookSignature(SECRET, body);
        wrong = Hmac.webhookSignature("not-the-app-secret", body);
    }

    @Benchmark
    public boolean correctlySigned() {
        return signature.matches(body, signed);
    }

    @Benchmark
    public boolean wrongSignature() {
        return signature.matches(body, wrong);
    }

    public static void main(String[] args) throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(SignatureRefusalBenchmark.class.getSimpleName()).build()).run();
        double signedMs = score(results, "correctlySigned");
        double wrongMs = score(results, "wrongSignature");
        System.out.printf("%nbody: %,d bytes of UTF-8 Devanagari%n", Webhooks.devanagariText(MIB).length);
        System.out.printf("correctly signed: %.3f ms   wrong signature: %.3f ms   ratio wrong/signed: %.2f%n",
                signedMs, wrongMs, wrongMs / signedMs);
    }

    private static double score(Collection<RunResult> results, String benchmark) {
        return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + benchmark)).findFirst()
                .orElseThrow().getPrimaryResult().getScore();
    }
}
