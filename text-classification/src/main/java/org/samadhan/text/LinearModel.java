package org.samadhan.text;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * One-vs-rest L2-regularised logistic regression fitted by LIBLINEAR (trust-region Newton, deterministic), with
 * classes weighted inversely to their number of examples so that each label is equally likely a priori (a dataset's
 * proportions are not the world's). Gives each class's decision value (logit), in class-number order.
 */
final class LinearModel {

    static {
        Linear.disableDebugOutput(); // LIBLINEAR prints its iterations to stdout otherwise
    }

    private final Model model;
    private final int classes;
    /** The position of each class number among the model's decision values, or -1 when it had no examples. */
    private final int[] position;

    private LinearModel(Model model, int classes) {
        this.model = model;
        this.classes = classes;
        this.position = new int[classes];
        Arrays.fill(position, -1);
        int[] labels = model.getLabels();
        for (int i = 0; i < labels.length; i++) {
            position[labels[i]] = i;
        }
    }

    /** Fits {@code x} (vectors ending with the bias feature {@code bias}) to class numbers {@code y} of 0..classes-1. */
    static LinearModel fit(List<Feature[]> x, int[] y, int classes, int bias, double c) {
        Problem problem = new Problem();
        problem.l = x.size();
        problem.n = bias;
        problem.x = x.toArray(new Feature[0][]);
        problem.y = Arrays.stream(y).asDoubleStream().toArray();
        problem.bias = 1; // the vectors carry the bias feature themselves
        int[] counts = new int[classes];
        for (int label : y) {
            counts[label]++;
        }
        int present = (int) Arrays.stream(counts).filter(n -> n > 0).count();
        int[] labels = java.util.stream.IntStream.range(0, classes).filter(k -> counts[k] > 0).toArray();
        double[] weights = Arrays.stream(labels).mapToDouble(k -> (double) y.length / (present * counts[k])).toArray();
        Parameter parameter = new Parameter(SolverType.L2R_LR, c, 0.01);
        parameter.setWeights(weights, labels);
        parameter.setRandom(new Random(0));
        return new LinearModel(Linear.train(problem, parameter), classes);
    }

    /** Each class's decision value; negative infinity for a class that had no examples. */
    double[] logits(Feature[] vector) {
        double[] values = new double[model.getNrClass()];
        Linear.predictValues(model, vector, values);
        double[] logits = new double[classes];
        for (int k = 0; k < classes; k++) {
            int p = position[k];
            if (p < 0) {
                logits[k] = Double.NEGATIVE_INFINITY;
            } else if (model.getNrClass() == 2) {
                logits[k] = p == 0 ? values[0] : 0; // one decision value, for the first label
            } else {
                logits[k] = values[p];
            }
        }
        return logits;
    }

    /** The weight of feature number {@code feature} (from 1) for class {@code k}; 0 for a class without examples. */
    double weight(int feature, int k) {
        int p = position[k];
        if (p < 0) {
            return 0;
        }
        if (model.getNrClass() == 2) {
            return p == 0 ? model.getDecfunCoef(feature, 0) : 0;
        }
        return model.getDecfunCoef(feature, p);
    }
}
