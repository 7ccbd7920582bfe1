package org.samadhan.portal.web;

/** What the directory's edit forms share: a refusal shown in place and the conflict of a stale version. */
public final class DirectoryEdit {

    private DirectoryEdit() {
    }

    /** routing-service refused the edit: 400 naming {@code field}. */
    public record Refusal(int status, String message, String field) {
    }

    /** The directory moved from the version the form was opened on ({@code from}) to {@code to}. */
    public record Conflict(int from, int to) {
    }
}
