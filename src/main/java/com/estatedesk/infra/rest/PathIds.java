package com.estatedesk.infra.rest;

import com.estatedesk.infra.problem.Problems;

/** Ids in paths and filters are numbers; in a path anything else names nothing: the same 404 as a missing id. */
public final class PathIds {

    private PathIds() {}

    /** An optional id filter of a list (?clientId=…): absent is null, anything but a number is a 400. */
    public static Long filter(String id, String parameter) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            throw Problems.invalid(parameter, "must be an id");
        }
    }

    /** An optional enum filter of a list (?status=…): absent is null, a value not of the enum is a 400 naming them. */
    public static <E extends Enum<E>> E filter(String value, String parameter, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.trim())) {
                return constant;
            }
        }
        throw Problems.invalid(
                parameter,
                "must be one of "
                        + String.join(
                                ", ",
                                java.util.Arrays.stream(type.getEnumConstants())
                                        .map(Enum::name)
                                        .toList()));
    }

    public static long parse(String id, String what) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw Problems.notFound(what);
        }
    }
}
