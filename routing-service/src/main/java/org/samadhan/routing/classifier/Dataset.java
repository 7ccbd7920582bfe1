package org.samadhan.routing.classifier;

import java.util.List;
import org.samadhan.text.LabelledText;
import org.samadhan.text.LabelledTexts;

/**
 * The project's labelled complaints, {@code dataset/train.tsv} (learnt from) and {@code dataset/eval.tsv} (the dev
 * split, only for measuring): one per line, {@code department<TAB>style<TAB>text}, lines starting with # are comments.
 */
public final class Dataset {

    private Dataset() {
    }

    public static List<LabelledText> training() {
        return LabelledTexts.resource(Dataset.class, "/dataset/train.tsv");
    }

    public static List<LabelledText> evaluation() {
        return LabelledTexts.resource(Dataset.class, "/dataset/eval.tsv");
    }
}
