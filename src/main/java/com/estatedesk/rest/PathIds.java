package com.estatedesk.rest;

import com.estatedesk.problem.Problems;

/** Ids in paths are numbers; anything else names nothing and gets the same 404 as a missing id. */
public final class PathIds {

    private PathIds() {
    }

    public static long parse(String id, String what) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw Problems.notFound(what);
        }
    }
}
