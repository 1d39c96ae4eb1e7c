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

    public static long parse(String id, String what) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw Problems.notFound(what);
        }
    }
}
