package org.samadhan.grievance.rest;

import org.samadhan.grievance.InvalidInput;

/** The page and size every list of the API accepts: pages from 0, 1 to 100 rows, an offset that fits an int. */
final class Paging {

    static final int MAX_PAGE_SIZE = 100;

    private Paging() {
    }

    static void check(int page, int size) {
        if (page < 0) {
            throw new InvalidInput("page", "page must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInput("size", "size must be from 1 to " + MAX_PAGE_SIZE);
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            throw new InvalidInput("page", "page is beyond any list: page x size must stay below " + Integer.MAX_VALUE);
        }
    }
}
