package com.estatedesk.feature.people.model;

/** People are never deleted: they are deactivated, and keep their uid. */
public enum PersonStatus {
    ACTIVE,
    DEACTIVATED
}
