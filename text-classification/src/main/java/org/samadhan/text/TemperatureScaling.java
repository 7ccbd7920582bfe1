package org.samadhan.text;

import java.util.List;

/**
 * Calibration by one temperature T (Guo et al., 2017): confidence = softmax(logits / T), with T chosen to minimise the
 * negative log-likelihood of predictions made on data the model did not train on (cross-validation folds). It keeps
 * the ranking and fixes over- or under-confidence, so that "0.8" is right about 80% of the time.
 */
final class TemperatureScaling {

    private static final double MIN_LOG_T = Math.log(0.02);
    private static final double MAX_LOG_T = Math.log(50);

    private TemperatureScaling() {
    }

    /** The temperature minimising the held-out negative log-likelihood of {@code truth} under {@code logits}. */
    static double fit(List<double[]> logits, int[] truth) {
        // The likelihood is unimodal in log T for a softmax; golden-section search finds its minimum.
        double ratio = (Math.sqrt(5) - 1) / 2;
        double a = MIN_LOG_T;
        double b = MAX_LOG_T;
        double c = b - ratio * (b - a);
        double d = a + ratio * (b - a);
        double fc = nll(logits, truth, Math.exp(c));
        double fd = nll(logits, truth, Math.exp(d));
        for (int i = 0; i < 60; i++) {
            if (fc < fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - ratio * (b - a);
                fc = nll(logits, truth, Math.exp(c));
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + ratio * (b - a);
                fd = nll(logits, truth, Math.exp(d));
            }
        }
        return Math.exp((a + b) / 2);
    }

    static double nll(List<double[]> logits, int[] truth, double t) {
        double sum = 0;
        for (int i = 0; i < truth.length; i++) {
            double p = softmax(logits.get(i), t)[truth[i]];
            sum -= Math.log(Math.max(p, 1e-12));
        }
        return sum / truth.length;
    }

    static double[] softmax(double[] logits, double t) {
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logits) {
            max = Math.max(max, l);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int k = 0; k < logits.length; k++) {
            p[k] = logits[k] == Double.NEGATIVE_INFINITY ? 0 : Math.exp((logits[k] - max) / t);
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }
}
