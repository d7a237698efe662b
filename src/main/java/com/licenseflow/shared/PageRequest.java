package com.licenseflow.shared;

/**
 * Which page of a list to read, counted from 1 as people count them. The size is capped so that no
 * call returns a whole tenant: a directory of 100,000 users comes a page at a time.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public PageRequest {
        if (page < 1) {
            throw Rule.INVALID_INPUT.violation("Pages are counted from 1; page " + page + " does not exist.");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw Rule.INVALID_INPUT.violation(
                    "A page holds 1 to " + MAX_SIZE + " rows; " + size + " is outside that.");
        }
    }

    /** As a query string gives them: either may be missing (the first page, the default size). */
    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 1 : page, size == null ? DEFAULT_SIZE : size);
    }

    public static PageRequest first(int size) {
        return new PageRequest(1, size);
    }

    public long offset() {
        return (long) (page - 1) * size;
    }
}
