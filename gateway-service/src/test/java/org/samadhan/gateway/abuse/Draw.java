package org.samadhan.gateway.abuse;

import java.util.List;
import java.util.SplittableRandom;

/** The few draws the fuzz generators need, from one seeded {@link SplittableRandom} so that a run can be replayed. */
final class Draw {

    private Draw() {
    }

    static <T> T of(SplittableRandom random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    @SafeVarargs
    static <T> T of(SplittableRandom random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** From {@code min} to {@code max}, both included, evenly. */
    static int between(SplittableRandom random, int min, int max) {
        return (int) random.nextLong(min, (long) max + 1);
    }

    /** From {@code min} to {@code max}, small ones far more often: most bugs show on small inputs, some only on big. */
    static int biased(SplittableRandom random, int min, int max) {
        return min + (int) Math.round((max - min) * Math.pow(random.nextDouble(), 4));
    }

    /** Up to {@code maxLength} characters from {@code first} to {@code last} (lone surrogates included). */
    static String chars(SplittableRandom random, int maxLength, char first, char last) {
        StringBuilder text = new StringBuilder();
        for (int i = biased(random, 0, maxLength); i > 0; i--) {
            text.append((char) between(random, first, last));
        }
        return text.toString();
    }
}
