package org.samadhan.text;

/** Anything that labels a text; immutable implementations may be shared between threads. */
@FunctionalInterface
public interface TextClassifier {

    Prediction classify(String text);
}
