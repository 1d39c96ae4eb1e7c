package com.estatedesk.infra.paging;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** One page of a list; {@code next} is null on the last page. */
@JsonbPropertyOrder({"items", "next"})
public record Page<T>(List<T> items, String next) {

    /**
     * From {@code limit + 1} fetched rows: the extra row only tells that there is a next page.
     */
    public static <R, T> Page<T> of(List<R> rows, PageRequest request, ToLongFunction<R> sortKey, Function<R, T> view) {
        boolean more = rows.size() > request.limit();
        List<R> page = more ? rows.subList(0, request.limit()) : rows;
        String next = more ? PageRequest.cursorAfter(sortKey.applyAsLong(page.get(page.size() - 1))) : null;
        return new Page<>(page.stream().map(view).toList(), next);
    }
}
