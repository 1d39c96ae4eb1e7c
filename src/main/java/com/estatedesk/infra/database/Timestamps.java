package com.estatedesk.infra.database;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Entity timestamps: UTC, at the database's precision, so a row reads back exactly as it was answered. */
public final class Timestamps {

    private Timestamps() {}

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
