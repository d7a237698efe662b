package com.licenseflow.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a list and how long the whole list is, so a reader can show "51-100 of 2,340" and go on. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
        return new Page<>(List.copyOf(items), request.page(), request.size(), total);
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    /** 1-based position of the first row shown, 0 for an empty list. */
    public long first() {
        return items.isEmpty() ? 0 : (long) (page - 1) * size + 1;
    }

    public long last() {
        return items.isEmpty() ? 0 : first() + items.size() - 1;
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapping) {
        return new Page<>(items.stream().<R>map(mapping).toList(), page, size, total);
    }
}
